import type { EventOf, TradingEvent } from '@mib/events';
import type { InstrumentCatalog, Transaction } from '@mib/subgraph-kit';
import type { Logger } from '@mib/telemetry';
import { mirrorOrder } from '../data/mirrorOrder.js';
import { orderIdOf, tradeIdOf } from '../engineMirror/engineIds.js';
import { averageAfterFill, isFillEvent, isOrderEvent, mirrorOfEvent } from '../engineMirror/fromEvents.js';

/**
 * Applies one engine event to the orders read model (called exactly once per event by
 * `consumeIntoReadModel`). Rejections are recorded by the mutation that placed the order: the
 * event does not carry the order's terms.
 */
export async function applyOrdersEvent(
  event: TradingEvent,
  tx: Transaction,
  { catalog, logger }: { catalog: InstrumentCatalog; logger: Logger },
): Promise<void> {
  if (event.type === 'trade') return recordTrade(event, tx, catalog, logger);
  if (!isOrderEvent(event) || event.type === 'order.rejected') return;
  const instrument = await catalog.bySymbolName(event.payload.symbol);
  if (!instrument) {
    // Not retried: an instrument the catalogue lacks will not appear by waiting.
    logger.error(
      { symbol: event.payload.symbol, sequence: event.sequence },
      'order event for an unknown instrument skipped',
    );
    return;
  }
  const average = isFillEvent(event)
    ? averageAfterFill(
        await tx.order.findUnique({
          where: { id: orderIdOf(event.payload.orderId) },
          select: { averagePrice: true, pricedQuantity: true },
        }),
        event,
      )
    : null;
  await mirrorOrder(tx, mirrorOfEvent(event, instrument.id, average));
}

/**
 * A fill between two engine orders becomes a Trade between their rows. When an order's own
 * events have not been applied yet the foreign key fails, the transaction rolls back and the bus
 * delivers the trade again later: trades never reference orders that do not exist.
 */
async function recordTrade(
  event: EventOf<'trade'>,
  tx: Transaction,
  catalog: InstrumentCatalog,
  logger: Logger,
): Promise<void> {
  const { taker, maker, aggressorSide } = event.payload;
  if (!taker || !maker || !aggressorSide) return; // an external print: no orders of ours behind it
  const instrument = await catalog.bySymbolName(event.payload.symbol);
  if (!instrument) {
    // As for order events: not retried, but never dropped unseen.
    logger.error(
      { symbol: event.payload.symbol, sequence: event.sequence },
      'trade for an unknown instrument skipped',
    );
    return;
  }
  const [buy, sell] = aggressorSide === 'BUY' ? [taker, maker] : [maker, taker];
  await tx.trade.upsert({
    where: { id: tradeIdOf(event.shard, event.payload.tradeId) },
    update: {},
    create: {
      id: tradeIdOf(event.shard, event.payload.tradeId),
      instrumentId: instrument.id,
      buyOrderId: orderIdOf(buy.orderId),
      sellOrderId: orderIdOf(sell.orderId),
      price: event.payload.price,
      quantity: event.payload.quantity,
      executedAt: new Date(event.occurredAt),
      engineTradeId: BigInt(event.payload.tradeId),
      engineShard: event.shard,
      buyerUserId: buy.accountId,
      sellerUserId: sell.accountId,
    },
  });
}
