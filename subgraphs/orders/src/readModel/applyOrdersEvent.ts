import type { EventOf, TradingEvent } from '@mib/events';
import type { InstrumentCatalog, Transaction } from '@mib/subgraph-kit';
import type { Logger } from '@mib/telemetry';
import { mirrorOrder } from '../data/mirrorOrder.js';
import { orderIdOf, tradeIdOf } from '../engineMirror/engineIds.js';
import { averageAfterFill, isFillEvent, isOrderEvent, mirrorOfEvent } from '../engineMirror/fromEvents.js';
import {
  holdTrade,
  lockOrderStreamOf,
  recordTradesReadyFor,
  type OwnerMismatch,
  type TradeBetweenOrders,
} from './pendingTrades.js';

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
  const orderId = await mirrorOrder(tx, mirrorOfEvent(event, instrument.id, average));
  for (const trade of await recordTradesReadyFor(tx, orderId)) warnOfOtherOwners(logger, trade);
}

/**
 * A fill between two engine orders becomes a Trade between their rows, owned by their rows'
 * users. Trades never reference orders that do not exist: a trade applied before its orders'
 * events is held (`holdTrade`) and recorded by the first event of either order applied once both
 * rows exist, rather than failed and retried, which would hold up the trades behind it, and on
 * Kafka could wait for ever on order events the member cannot fetch until its batch is done.
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
  const trade: TradeBetweenOrders = {
    id: tradeIdOf(event.shard, event.payload.tradeId),
    instrumentId: instrument.id,
    buyOrderId: orderIdOf(buy.orderId),
    sellOrderId: orderIdOf(sell.orderId),
    price: event.payload.price,
    quantity: event.payload.quantity,
    executedAt: new Date(event.occurredAt),
    engineTradeId: BigInt(event.payload.tradeId),
    engineShard: event.shard,
  };
  let owners = await ownersOf(tx, trade);
  if (!owners) {
    // Read again once no order event of the symbol is in flight, so none is missed.
    await lockOrderStreamOf(tx, event);
    owners = await ownersOf(tx, trade);
  }
  if (!owners)
    return holdTrade(tx, trade, { buyerAccountId: buy.accountId, sellerAccountId: sell.accountId });
  // The rows' owners, not the event's accounts: an engine run without its journal numbers orders
  // from 1 again, and a row keeps its first owner (mirrorOrder), so its trades must too.
  if (owners.buyerUserId !== buy.accountId || owners.sellerUserId !== sell.accountId)
    warnOfOtherOwners(logger, trade);
  await tx.trade.upsert({ where: { id: trade.id }, update: {}, create: { ...trade, ...owners } });
}

function warnOfOtherOwners(logger: Logger, trade: OwnerMismatch): void {
  logger.warn(
    {
      tradeId: String(trade.engineTradeId),
      shard: trade.engineShard,
      buyOrderId: trade.buyOrderId,
      sellOrderId: trade.sellOrderId,
    },
    'trade names accounts other than its orders’ owners (engine order ids reused?): recorded for the owners',
  );
}

/** The owners of the trade's two order rows, or undefined while either row is missing. */
async function ownersOf(
  tx: Transaction,
  { buyOrderId, sellOrderId }: Pick<TradeBetweenOrders, 'buyOrderId' | 'sellOrderId'>,
): Promise<{ buyerUserId: string; sellerUserId: string } | undefined> {
  const rows = await tx.order.findMany({
    where: { id: { in: [buyOrderId, sellOrderId] } },
    select: { id: true, userId: true },
  });
  const owner = new Map(rows.map((row) => [row.id, row.userId]));
  const [buyerUserId, sellerUserId] = [owner.get(buyOrderId), owner.get(sellOrderId)];
  return buyerUserId === undefined || sellerUserId === undefined ? undefined : { buyerUserId, sellerUserId };
}
