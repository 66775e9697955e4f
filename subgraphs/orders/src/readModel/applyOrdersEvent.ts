import type { EventOf, TradingEvent } from '@mib/events';
import type { InstrumentCatalog, Transaction } from '@mib/subgraph-kit';
import type { Logger } from '@mib/telemetry';
import { mirrorOrder } from '../data/mirrorOrder.js';
import { orderIdOf, tradeIdOf } from '../engineMirror/engineIds.js';
import { averageAfterFill, isFillEvent, isOrderEvent, mirrorOfEvent } from '../engineMirror/fromEvents.js';

/**
 * Applies one engine event to the orders read model (called exactly once per event by
 * `consumeOrders`). Rejections are recorded by the mutation that placed the order: the
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
 * Thrown for a trade whose orders have no rows yet: their events come on the orders topic, beside
 * the trades, and have not been applied. The transaction rolls back; `consumeOrders` applies the
 * trade again once they have been.
 */
export class TradeBeforeItsOrders extends Error {
  constructor(readonly trade: EventOf<'trade'>) {
    super(`trade ${trade.payload.tradeId} of shard ${trade.shard} arrived before its orders`);
    this.name = 'TradeBeforeItsOrders';
  }
}

/**
 * A fill between two engine orders becomes a Trade between their rows, owned by their rows'
 * users. Trades never reference orders that do not exist: until both rows do, the trade fails
 * (`TradeBeforeItsOrders`).
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
  const [buyOrderId, sellOrderId] = [orderIdOf(buy.orderId), orderIdOf(sell.orderId)];
  const owners = await ownersOf(tx, [buyOrderId, sellOrderId]);
  const [buyerUserId, sellerUserId] = [owners.get(buyOrderId), owners.get(sellOrderId)];
  if (buyerUserId === undefined || sellerUserId === undefined) throw new TradeBeforeItsOrders(event);
  // The rows' owners, not the event's accounts: an engine run without its journal numbers orders
  // from 1 again, and a row keeps its first owner (mirrorOrder), so its trades must too.
  if (buyerUserId !== buy.accountId || sellerUserId !== sell.accountId)
    logger.warn(
      { tradeId: event.payload.tradeId, shard: event.shard, buyOrderId, sellOrderId },
      'trade names accounts other than its orders’ owners (engine order ids reused?): recorded for the owners',
    );
  await tx.trade.upsert({
    where: { id: tradeIdOf(event.shard, event.payload.tradeId) },
    update: {},
    create: {
      id: tradeIdOf(event.shard, event.payload.tradeId),
      instrumentId: instrument.id,
      buyOrderId,
      sellOrderId,
      price: event.payload.price,
      quantity: event.payload.quantity,
      executedAt: new Date(event.occurredAt),
      engineTradeId: BigInt(event.payload.tradeId),
      engineShard: event.shard,
      buyerUserId,
      sellerUserId,
    },
  });
}

/** Owner of each of these order rows that exists, by row id (one statement). */
async function ownersOf(tx: Transaction, orderIds: readonly string[]): Promise<Map<string, string>> {
  const rows = await tx.order.findMany({
    where: { id: { in: [...orderIds] } },
    select: { id: true, userId: true },
  });
  return new Map(rows.map((row) => [row.id, row.userId]));
}
