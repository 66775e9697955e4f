import { Repeater } from '@repeaterjs/repeater';
import type { PriceAlert, PrismaClient } from '@mib/db';
import { HighWaterMarks, streamOf, type EventOf, type TradingEvent } from '@mib/events';
import { readModelProgressOf, type ReadModelProgress } from '@mib/subgraph-kit';
import type { Logger } from '@mib/telemetry';
import { MARKET_DATA_CONSUMER } from '../data/marketReadModel.js';
import type { LiveMarket } from './liveMarket.js';

/** Trades whose fired alerts are read in one statement, at most. */
const TRADES_PER_LOOKUP = 500;

export interface TriggeredPriceAlertsOptions {
  /** How often to look at the read model's mark for a trade another replica applies (default 250 ms). */
  readonly recheckMs?: number;
  /**
   * Trades kept at most while their alerts wait to be looked up (default 100 000: some 10 MiB of
   * engine trade ids). While the read model lags that far behind, the alerts of further trades
   * are not told live (logged once per episode); they stay fired in `User.priceAlerts`.
   */
  readonly maxPendingTrades?: number;
  /** Where notices not delivered live are reported. */
  readonly logger?: Logger;
}

type Listener = (alert: PriceAlert) => void;

/** What a fired alert records of its trade (the engine shard and trade id), and its place in its stream. */
interface FiringTrade {
  readonly sequence: number;
  readonly shard: number;
  readonly tradeId: string;
}

/** A stream's trades handed over whose alerts wait for the read model, oldest first. */
interface StreamBacklog {
  readonly stream: Pick<TradingEvent, 'type' | 'key' | 'shard'>;
  readonly trades: FiringTrade[];
}

/**
 * Price alerts as they fire, per user. Alerts fire in the read model (`firePriceAlerts`), on
 * whichever replica consumes the trade; every replica sees every trade through `LiveMarket`, so
 * each trade event is the cue: once the read model's mark has passed it (told at once by this
 * process's consumer, or seen in `market.event_marks`), the alerts it fired are read and each goes
 * to its owner's subscriptions. As with `myPortfolio`, the payload is read-model state after the
 * event, so a subscriber sees exactly the alerts that fired, each once.
 *
 * The lookups are the process's, not each subscriber's: a subscriber's stream only hands its
 * trades over (nothing slow in its bounded queue, however busy the market), trades seen before are
 * passed over, and each stream with trades pending has one wait, for its newest trade (the read
 * model applies a stream in order), so a lagging stream holds back no other. The trades a wait
 * covers are looked up in batches, one statement each, in the order the waits end.
 *
 * There is no give-up time: an alert fires when the read model applies its trade, so its notice
 * can only come after that, however late, and giving up would lose notices a subscriber can still
 * get. It would not bound memory either (the cap on pending trades does), nor unblock other
 * streams (each waits on its own). A stream that never catches up costs one wait with its
 * recheck timer, and trades up to the cap.
 */
export class TriggeredPriceAlerts {
  readonly #progress: ReadModelProgress;
  readonly #maxPendingTrades: number;
  readonly #logger: Logger | undefined;
  /** Subscriptions by user. */
  readonly #listeners = new Map<string, Set<Listener>>();
  /** Trades handed over by any subscriber, once each (a redelivered one is passed over). */
  readonly #seen = new HighWaterMarks();
  /** Streams with trades waiting for the read model; each has one `#follow` running. */
  readonly #backlogs = new Map<string, StreamBacklog>();
  /** Trades the read model has applied, whose alerts are to be read. */
  readonly #applied: FiringTrade[] = [];
  /** Trades in a backlog or applied, not looked up yet. */
  #pending = 0;
  /** Whether trades are being passed over for the cap (warned about once until it clears). */
  #overflowing = false;
  #draining = false;

  constructor(
    private readonly market: LiveMarket,
    private readonly prisma: PrismaClient,
    options: TriggeredPriceAlertsOptions = {},
  ) {
    this.#progress = readModelProgressOf(
      prisma,
      { schema: 'market', consumer: MARKET_DATA_CONSUMER },
      options.recheckMs,
    );
    this.#maxPendingTrades = options.maxPendingTrades ?? 100_000;
    this.#logger = options.logger;
  }

  /** The read model of this process committed `event` (or found it applied already). */
  applied(event: TradingEvent): void {
    this.#progress.applied(event);
  }

  /** `userId`'s alerts as they fire, until the subscriber leaves. */
  of(userId: string): AsyncIterableIterator<{ priceAlertTriggered: PriceAlert }> {
    const trades = this.market.stream(
      ['trade'],
      () => true,
      (trade) => trade,
    );
    return new Repeater(async (push, stop) => {
      const listener: Listener = (alert) => void push({ priceAlertTriggered: alert });
      const listeners = this.#listeners.get(userId) ?? new Set<Listener>();
      this.#listeners.set(userId, listeners.add(listener));
      void stop.then(() => trades.return?.());
      try {
        for await (const trade of trades) this.#handOver(trade);
      } finally {
        listeners.delete(listener);
        if (listeners.size === 0) this.#listeners.delete(userId);
      }
      stop();
    });
  }

  #handOver(trade: EventOf<'trade'>): void {
    if (!this.#seen.isNew(trade)) return;
    this.#seen.recordApplied(trade);
    if (this.#pending >= this.#maxPendingTrades) {
      if (!this.#overflowing)
        this.#logger?.warn(
          { pending: this.#pending, stream: streamOf(trade) },
          'the market read model lags too far: fired price alerts not delivered live until it catches up',
        );
      this.#overflowing = true;
      return;
    }
    this.#overflowing = false;
    this.#pending += 1;
    const firing = { sequence: trade.sequence, shard: trade.shard, tradeId: trade.payload.tradeId };
    const stream = streamOf(trade);
    const backlog = this.#backlogs.get(stream);
    if (backlog) {
      backlog.trades.push(firing);
      return;
    }
    const started = { stream: { type: trade.type, key: trade.key, shard: trade.shard }, trades: [firing] };
    this.#backlogs.set(stream, started);
    void this.#follow(stream, started);
  }

  /**
   * Waits for the read model to apply the newest trade of the stream's backlog, then passes every
   * trade up to it to the lookups, until the backlog is empty (trades of a stream arrive in
   * sequence order, `#seen` sees to that, so those are the backlog's first).
   */
  async #follow(stream: string, backlog: StreamBacklog): Promise<void> {
    for (let newest = backlog.trades.at(-1); newest; newest = backlog.trades.at(-1)) {
      let applied = true;
      try {
        await this.#progress.until({ ...backlog.stream, sequence: newest.sequence }, Infinity);
      } catch (error) {
        // Only reading the mark fails a wait without a timeout: the database is failing.
        applied = false;
        this.#logger?.warn({ err: error, stream }, 'fired price alerts not delivered live');
      }
      const covered = backlog.trades.splice(0, backlog.trades.indexOf(newest) + 1);
      if (!applied) this.#pending -= covered.length;
      else {
        for (const trade of covered) this.#applied.push(trade);
        void this.#drain();
      }
    }
    this.#backlogs.delete(stream);
  }

  /** Looks up the applied trades' alerts, a batch at a time, until none is left. */
  async #drain(): Promise<void> {
    if (this.#draining) return;
    this.#draining = true;
    try {
      while (this.#applied.length > 0) {
        const batch = this.#applied.splice(0, TRADES_PER_LOOKUP);
        try {
          for (const alert of await this.#firedBy(batch)) {
            for (const listener of this.#listeners.get(alert.userId) ?? []) listener(alert);
          }
        } catch (error) {
          // The alerts stay fired in User.priceAlerts; only this live notice of them is lost.
          this.#logger?.warn({ err: error, trades: batch.length }, 'fired price alerts not delivered live');
        } finally {
          this.#pending -= batch.length;
        }
      }
    } finally {
      this.#draining = false;
    }
  }

  /** The alerts `trades` fired (the read model has applied them). */
  async #firedBy(trades: readonly FiringTrade[]): Promise<PriceAlert[]> {
    return this.prisma.priceAlert.findMany({
      where: {
        OR: trades.map((trade) => ({ triggerEngineShard: trade.shard, triggerEngineTradeId: trade.tradeId })),
      },
      orderBy: [{ triggeredAt: 'asc' }, { id: 'asc' }],
    });
  }
}

const triggeredAlerts = new WeakMap<PrismaClient, TriggeredPriceAlerts>();

/**
 * The one `TriggeredPriceAlerts` of this process over `prisma`: the read model's consumer tells
 * it what it applied, and every subscription context reads from it. The first caller's options
 * hold (the subgraph's start-up, before any subscription).
 */
export function triggeredPriceAlertsOf(
  market: LiveMarket,
  prisma: PrismaClient,
  options: TriggeredPriceAlertsOptions = {},
): TriggeredPriceAlerts {
  let alerts = triggeredAlerts.get(prisma);
  if (!alerts) triggeredAlerts.set(prisma, (alerts = new TriggeredPriceAlerts(market, prisma, options)));
  return alerts;
}
