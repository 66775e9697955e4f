import type { PrismaClient } from '@mib/db';
import type { EventBus, EventOf, Subscription, TradingEvent } from '@mib/events';
import {
  applyOnce,
  eventMarkOf,
  ReadModelProgress,
  type InstrumentCatalog,
  type StreamPosition,
} from '@mib/subgraph-kit';
import type { Logger } from '@mib/telemetry';
import { applyOrdersEvent, TradeBeforeItsOrders } from './applyOrdersEvent.js';

/** Consumer group and event-mark owner of the orders read model. */
export const ORDERS_CONSUMER = 'orders-read-model';

/** How long a trade waits for its orders' events before the bus retries it with backoff. */
const ORDERS_WAIT_MS = 5_000;

/**
 * Keeps the orders read model: every order event and trade applied once. Orders and trades are
 * two topics, delivered side by side, so a trade often comes before the events of the orders it
 * fills (on a live market, nearly every trade of an order the engine took directly). Backing off
 * blind would hold each such trade 100 ms or more, and the trades behind it: instead the trade
 * waits until this read model has applied its symbol's order events past it, which always
 * include the fills the engine writes right after each trade, so both orders' rows exist; then
 * it is applied again.
 */
export function consumeOrders(
  bus: EventBus,
  prisma: PrismaClient,
  { catalog, logger }: { catalog: InstrumentCatalog; logger: Logger },
): Promise<Subscription> {
  const target = { schema: 'orders', consumer: ORDERS_CONSUMER } as const;
  const progress = new ReadModelProgress('orders', eventMarkOf(prisma, target));
  const apply = (event: TradingEvent) =>
    applyOnce(prisma, target, event, (tx) => applyOrdersEvent(event, tx, { catalog, logger }));
  return bus.subscribe({
    group: ORDERS_CONSUMER,
    topics: ['orders', 'trades'],
    handler: async (event) => {
      try {
        await apply(event);
      } catch (error) {
        if (!(error instanceof TradeBeforeItsOrders)) throw error;
        // Timing out fails the delivery: the bus then retries it with backoff, and says so.
        await progress.until(orderEventsPast(error.trade), ORDERS_WAIT_MS);
        await apply(event);
      }
      progress.applied(event);
    },
  });
}

/** The orders stream of a trade's symbol and shard, once past the trade. */
function orderEventsPast(trade: EventOf<'trade'>): StreamPosition {
  return { type: 'order.filled', key: trade.key, shard: trade.shard, sequence: trade.sequence + 1 };
}
