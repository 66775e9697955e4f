import type { Portfolio, PrismaClient } from '@mib/db';
import { streamOf, type TradingEvent } from '@mib/events';
import type { ReadModelProgress, StreamPosition } from '@mib/subgraph-kit';
import type { Logger } from '@mib/telemetry';

export interface PortfolioUpdate {
  readonly myPortfolio: Portfolio;
}

/** What every feed of the process reads from. */
export interface PortfolioFeedSource {
  readonly prisma: PrismaClient;
  readonly progress: ReadModelProgress;
  readonly logger: Logger | undefined;
  /** How long one payload may wait for the read model before that is logged at warn. */
  readonly lagWarningMs: number;
}

/** Open until the subscriber leaves (`left`) or its trades stop coming (`failed`). */
type FeedState =
  | { readonly kind: 'open' }
  | { readonly kind: 'left' }
  | { readonly kind: 'failed'; readonly error: unknown };

const DONE = { done: true, value: undefined } as const;

/**
 * One subscriber's `myPortfolio` updates, coalesced. Its trades are taken off its `LiveEvents`
 * stream as they arrive, so it never falls behind there, and only the newest trade of each
 * stream is kept: the read model applies a stream in order, so once it has applied that trade it
 * has applied every one before. A payload is read when the subscriber pulls, once the read model
 * has applied every trade kept so far; trades arriving meanwhile wait for the next pull, unless
 * the read model has applied them by the time of the read. So no payload misses a trade that
 * triggered it, a burst costs one read per payload, and memory is one position per stream however
 * long the read model lags. A lag ends no subscription (it is logged once per episode); a failed
 * database read does, as any failed read of a subscription does.
 */
export class PortfolioFeed implements AsyncIterableIterator<PortfolioUpdate> {
  readonly #left = new AbortController();
  /** The newest trade not yet shown, per stream. */
  readonly #unshown = new Map<string, StreamPosition>();
  #state: FeedState = { kind: 'open' };
  #arrived: (() => void) | undefined;
  #takingTrades = false;
  /** Whether the last wait for the read model outlasted `lagWarningMs` (warned about already). */
  #lagging = false;
  #pulled: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly source: PortfolioFeedSource,
    private readonly userId: string,
    private readonly trades: AsyncIterableIterator<TradingEvent>,
  ) {}

  [Symbol.asyncIterator](): this {
    return this;
  }

  /** The portfolio after every trade seen so far; pulls are answered one after another. */
  next(): Promise<IteratorResult<PortfolioUpdate, undefined>> {
    // Trades are taken from the first pull on, as `LiveEvents` listens from its first pull.
    if (!this.#takingTrades) void this.#takeTrades();
    const update = this.#pulled.then(() => this.#nextUpdate());
    this.#pulled = update.catch(() => undefined);
    return update;
  }

  /** The subscriber left: abandons the wait in progress and stops listening for trades. */
  async return(): Promise<IteratorResult<PortfolioUpdate, undefined>> {
    this.#end({ kind: 'left' });
    await this.trades.return?.();
    return DONE;
  }

  async #takeTrades(): Promise<void> {
    this.#takingTrades = true;
    try {
      for await (const trade of this.trades) {
        this.#unshown.set(streamOf(trade), trade);
        this.#arrived?.();
      }
      this.#end({ kind: 'left' });
    } catch (error) {
      // LiveEvents ended the stream (the bus failed): the subscriber has to subscribe again.
      this.#end({ kind: 'failed', error });
    }
  }

  #end(state: Exclude<FeedState, { kind: 'open' }>): void {
    if (this.#state.kind !== 'open') return;
    this.#state = state;
    this.#left.abort();
    this.#arrived?.();
  }

  async #nextUpdate(): Promise<IteratorResult<PortfolioUpdate, undefined>> {
    try {
      while (this.#unshown.size === 0 && this.#state.kind === 'open')
        await new Promise<void>((resolve) => (this.#arrived = resolve));
      if (this.#state.kind === 'open') {
        await this.#readModelApplied([...this.#unshown.values()]);
        const myPortfolio = await this.source.prisma.portfolio.findUniqueOrThrow({
          where: { userId: this.userId },
        });
        return { done: false, value: { myPortfolio } };
      }
    } catch (error) {
      if (this.#state.kind === 'open') {
        await this.return();
        throw error;
      }
    }
    return this.#finish();
  }

  #finish(): IteratorResult<PortfolioUpdate, undefined> {
    const state = this.#state;
    switch (state.kind) {
      case 'open':
      case 'left':
        return DONE;
      case 'failed':
        this.#state = { kind: 'left' };
        throw state.error;
    }
  }

  /**
   * Waits for the read model to apply `due` (taken off the unshown), then takes off the trades
   * that arrived meanwhile and are applied already: the read that follows shows them too.
   */
  async #readModelApplied(due: readonly StreamPosition[]): Promise<void> {
    for (const trade of due) this.#takeOff(trade);
    const { progress, logger, lagWarningMs } = this.source;
    let slow = false;
    const warning = setTimeout(() => {
      slow = true;
      if (!this.#lagging)
        logger?.warn(
          { userId: this.userId, waitedMs: lagWarningMs, streams: due.map(streamOf) },
          'myPortfolio update waits for the positions read model; still waiting',
        );
      this.#lagging = true;
    }, lagWarningMs);
    try {
      await Promise.all(due.map((trade) => progress.until(trade, Infinity, this.#left.signal)));
    } finally {
      clearTimeout(warning);
    }
    if (!slow) this.#lagging = false;
    const arrived = [...this.#unshown.values()];
    const reached = await Promise.all(arrived.map((trade) => progress.reached(trade)));
    arrived.forEach((trade, index) => {
      if (reached[index]) this.#takeOff(trade);
    });
  }

  /** Takes `trade` off the unshown, unless a newer trade of its stream has arrived since. */
  #takeOff(trade: StreamPosition): void {
    const stream = streamOf(trade);
    if (this.#unshown.get(stream) === trade) this.#unshown.delete(stream);
  }
}
