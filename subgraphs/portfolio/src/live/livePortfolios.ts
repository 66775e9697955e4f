import type { Portfolio, PrismaClient } from '@mib/db';
import type { TradingEvent } from '@mib/events';
import { SubscriberCount, type LiveEvents, type ReadModelProgress } from '@mib/subgraph-kit';

const isTradeOf = (userId: string) => (event: TradingEvent) =>
  event.type === 'trade' &&
  (event.payload.taker?.accountId === userId || event.payload.maker?.accountId === userId);

/**
 * A user's portfolio after each of their trades. The trade event triggers the update; the
 * payload is the read model once it has applied that trade, so cash and positions include it
 * (and the portfolio exists, even for a first trade).
 */
export class LivePortfolios {
  readonly subscribers = new SubscriberCount();

  constructor(
    private readonly live: LiveEvents,
    private readonly prisma: PrismaClient,
    private readonly progress: ReadModelProgress,
  ) {}

  /** Joins the bus now, so events published after start-up reach the first subscriber too. */
  async start(): Promise<void> {
    await this.live.start();
  }

  portfolioUpdates(userId: string): AsyncIterableIterator<{ myPortfolio: Portfolio }> {
    return this.subscribers.track(
      this.live.stream(isTradeOf(userId), async (event) => {
        await this.progress.until(event);
        return { myPortfolio: await this.prisma.portfolio.findUniqueOrThrow({ where: { userId } }) };
      }),
    );
  }
}
