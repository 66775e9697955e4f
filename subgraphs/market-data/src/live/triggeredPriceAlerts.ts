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
  /** How long to wait for the read model to apply a trade before its alerts are given up (default 10 s). */
  readonly timeoutMs?: number;
  /** Where a lookup given up is reported. */
  readonly logger?: Logger;
}

type Listener = (alert: PriceAlert) => void;

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
 * passed over, and pending trades are looked up in batches, one statement each, in arrival order.
 */
export class TriggeredPriceAlerts {
  readonly #progress: ReadModelProgress;
  readonly #timeoutMs: number;
  readonly #logger: Logger | undefined;
  /** Subscriptions by user. */
  readonly #listeners = new Map<string, Set<Listener>>();
  /** Trades handed over by any subscriber, once each (a redelivered one is passed over). */
  readonly #seen = new HighWaterMarks();
  readonly #pending: EventOf<'trade'>[] = [];
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
    this.#timeoutMs = options.timeoutMs ?? 10_000;
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
    this.#pending.push(trade);
    void this.#drain();
  }

  /** Looks up the pending trades' alerts, a batch at a time, until none is pending. */
  async #drain(): Promise<void> {
    if (this.#draining) return;
    this.#draining = true;
    try {
      while (this.#pending.length > 0) {
        const batch = this.#pending.splice(0, TRADES_PER_LOOKUP);
        try {
          for (const alert of await this.#firedBy(batch)) {
            for (const listener of this.#listeners.get(alert.userId) ?? []) listener(alert);
          }
        } catch (error) {
          // The alerts stay fired in User.priceAlerts; only this live notice of them is lost.
          this.#logger?.warn({ err: error, trades: batch.length }, 'fired price alerts not delivered live');
        }
      }
    } finally {
      this.#draining = false;
    }
  }

  /** The alerts `trades` fired, once the read model has applied the last trade of each stream. */
  async #firedBy(trades: readonly EventOf<'trade'>[]): Promise<PriceAlert[]> {
    const lastOfStream = new Map<string, EventOf<'trade'>>();
    for (const trade of trades) {
      const stream = streamOf(trade);
      if (trade.sequence > (lastOfStream.get(stream)?.sequence ?? 0)) lastOfStream.set(stream, trade);
    }
    await Promise.all(
      [...lastOfStream.values()].map((trade) => this.#progress.until(trade, this.#timeoutMs)),
    );
    return this.prisma.priceAlert.findMany({
      where: {
        OR: trades.map((trade) => ({
          triggerEngineShard: trade.shard,
          triggerEngineTradeId: trade.payload.tradeId,
        })),
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
