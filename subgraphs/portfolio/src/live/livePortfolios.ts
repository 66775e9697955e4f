import type { PrismaClient } from '@mib/db';
import type { TradingEvent } from '@mib/events';
import { SubscriberCount, type LiveEvents, type ReadModelProgress } from '@mib/subgraph-kit';
import type { Logger } from '@mib/telemetry';
import { PortfolioFeed, type PortfolioFeedSource, type PortfolioUpdate } from './portfolioFeed.js';

const isTradeOf = (userId: string) => (event: TradingEvent) =>
  event.type === 'trade' &&
  (event.payload.taker?.accountId === userId || event.payload.maker?.accountId === userId);

export interface LivePortfoliosOptions {
  /** Where a subscriber waiting long for the read model is reported (default: nowhere). */
  readonly logger?: Logger;
  /**
   * How long one payload may wait for the positions read model before that is logged at warn,
   * once per subscriber until a wait ends sooner again (default 10 s). The wait goes on either way.
   */
  readonly lagWarningMs?: number;
}

/**
 * A user's portfolio after their trades. The trade events trigger the updates; each payload is
 * the read model once it has applied every trade of the user seen so far, so cash and positions
 * include them (and the portfolio exists, even for a first trade). Trades that arrive while a
 * payload waits for the read model are coalesced into the next one (see `PortfolioFeed`).
 */
export class LivePortfolios {
  readonly subscribers = new SubscriberCount();
  readonly #source: PortfolioFeedSource;

  constructor(
    private readonly live: LiveEvents,
    prisma: PrismaClient,
    progress: ReadModelProgress,
    options: LivePortfoliosOptions = {},
  ) {
    this.#source = {
      prisma,
      progress,
      logger: options.logger,
      lagWarningMs: options.lagWarningMs ?? 10_000,
    };
  }

  /** Joins the bus now, so events published after start-up reach the first subscriber too. */
  async start(): Promise<void> {
    await this.live.start();
  }

  portfolioUpdates(userId: string): AsyncIterableIterator<PortfolioUpdate> {
    // The trades are handed over as they come; the waiting happens in the feed, off the stream.
    const trades = this.live.stream(isTradeOf(userId), (trade) => trade);
    return this.subscribers.track(new PortfolioFeed(this.#source, userId, trades));
  }
}
