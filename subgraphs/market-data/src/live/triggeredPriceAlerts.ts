import { Repeater } from '@repeaterjs/repeater';
import type { PriceAlert, PrismaClient } from '@mib/db';
import { HighWaterMarks, streamOf, type EventOf, type TradingEvent } from '@mib/events';
import { ReadModelProgress } from '@mib/subgraph-kit';
import { MARKET_DATA_CONSUMER } from '../data/marketReadModel.js';
import type { LiveMarket } from './liveMarket.js';

/** Trades whose fired alerts are remembered, so every subscriber of a process shares one lookup. */
const REMEMBERED_TRADES = 1_024;

export interface TriggeredPriceAlertsOptions {
  /** How often to look at the read model's mark for a trade another replica applies (default 250 ms). */
  readonly recheckMs?: number;
  /** How long to wait for the read model to apply a trade before the stream fails (default 10 s). */
  readonly timeoutMs?: number;
}

/**
 * Price alerts as they fire, per user. Alerts fire in the read model (`firePriceAlerts`), on
 * whichever replica consumes the trade; every replica sees every trade through `LiveMarket`, so
 * each trade event is the cue: once the read model's mark has passed the trade (told at once by
 * this process's consumer, or seen in `market.event_marks`), the alerts that trade fired are read
 * by its engine id, once per process however many subscribers wait, and each goes to its owner.
 * As with `myPortfolio`, the payload is read-model state after the event, so a subscriber sees
 * exactly the alerts that fired, each once.
 */
export class TriggeredPriceAlerts {
  readonly #firedByTrade = new Map<string, Promise<PriceAlert[]>>();
  readonly #progress: ReadModelProgress;
  readonly #timeoutMs: number;

  constructor(
    private readonly market: LiveMarket,
    private readonly prisma: PrismaClient,
    options: TriggeredPriceAlertsOptions = {},
  ) {
    this.#progress = new ReadModelProgress('market', (stream) => this.#markOf(stream), options.recheckMs);
    this.#timeoutMs = options.timeoutMs ?? 10_000;
  }

  /** The read model of this process committed `event` (or found it applied already). */
  applied(event: TradingEvent): void {
    this.#progress.applied(event);
  }

  /**
   * `userId`'s alerts as they fire, until the subscriber leaves. A trade the bus delivers again
   * is passed over (the subscriber's own marks), so an alert is never sent twice.
   */
  of(userId: string): AsyncIterableIterator<{ priceAlertTriggered: PriceAlert }> {
    const seen = new HighWaterMarks();
    const fired = this.market.stream(
      ['trade'],
      (trade) => {
        if (!seen.isNew(trade)) return false;
        seen.recordApplied(trade);
        return true;
      },
      (trade) => this.#firedBy(trade),
    );
    return new Repeater(async (push, stop) => {
      void stop.then(() => fired.return?.());
      for await (const alerts of fired)
        for (const alert of alerts) if (alert.userId === userId) await push({ priceAlertTriggered: alert });
      stop();
    });
  }

  /** The alerts `trade` fired, shared by every subscriber of this process. */
  #firedBy(trade: EventOf<'trade'>): Promise<PriceAlert[]> {
    const key = `${streamOf(trade)}#${trade.sequence}`;
    let fired = this.#firedByTrade.get(key);
    if (!fired) {
      fired = this.#lookUp(trade);
      this.#firedByTrade.set(key, fired);
      // Insertion order is arrival order: the oldest trade goes first.
      if (this.#firedByTrade.size > REMEMBERED_TRADES)
        this.#firedByTrade.delete(this.#firedByTrade.keys().next().value as string);
    }
    return fired;
  }

  async #lookUp(trade: EventOf<'trade'>): Promise<PriceAlert[]> {
    await this.#progress.until(trade, this.#timeoutMs);
    return this.prisma.priceAlert.findMany({
      where: { triggerEngineShard: trade.shard, triggerEngineTradeId: trade.payload.tradeId },
      orderBy: { id: 'asc' },
    });
  }

  async #markOf(stream: string): Promise<number> {
    const mark = await this.prisma.marketEventMark.findUnique({
      where: { consumer_stream: { consumer: MARKET_DATA_CONSUMER, stream } },
      select: { sequence: true },
    });
    return mark ? Number(mark.sequence) : 0;
  }
}

const triggeredAlerts = new WeakMap<PrismaClient, TriggeredPriceAlerts>();

/**
 * The one `TriggeredPriceAlerts` of this process over `prisma`: the read model's consumer tells
 * it what it applied, and every subscription context reads from it.
 */
export function triggeredPriceAlertsOf(market: LiveMarket, prisma: PrismaClient): TriggeredPriceAlerts {
  let alerts = triggeredAlerts.get(prisma);
  if (!alerts) triggeredAlerts.set(prisma, (alerts = new TriggeredPriceAlerts(market, prisma)));
  return alerts;
}
