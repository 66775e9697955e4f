import { streamOf, type EventOf } from '@mib/events';
import type { StreamPosition, Transaction } from '@mib/subgraph-kit';

/** Consumer group and event-mark owner of the orders read model. */
export const ORDERS_CONSUMER = 'orders-read-model';

/**
 * The place `events` events past `trade` in the order stream of its symbol and shard, where the
 * engine writes both orders' fills right after each trade (the maker's, then the taker's).
 */
export const orderStreamPast = (trade: EventOf<'trade'>, events: number): StreamPosition => ({
  type: 'order.filled',
  key: trade.key,
  shard: trade.shard,
  sequence: trade.sequence + events,
});

/** A trade between two engine orders, as the Trade row it becomes. */
export interface TradeBetweenOrders {
  readonly id: string;
  readonly instrumentId: string;
  readonly buyOrderId: string;
  readonly sellOrderId: string;
  readonly price: string;
  readonly quantity: string;
  readonly executedAt: Date;
  readonly engineTradeId: bigint;
  readonly engineShard: number;
}

/** The accounts a trade event names for its buy and sell orders. */
export interface TradeAccounts {
  readonly buyerAccountId: string;
  readonly sellerAccountId: string;
}

/** A held trade recorded for owners other than the accounts its event named. */
export interface OwnerMismatch {
  readonly engineShard: number;
  readonly engineTradeId: bigint;
  readonly buyOrderId: string;
  readonly sellOrderId: string;
}

/**
 * Waits until no event of the trade's symbol and shard is being applied, and keeps the next one
 * from starting until this transaction ends: each holds its stream's mark row (`applyOnce`), of
 * which this takes a share. So the order rows read after this are those of every event applied
 * before, and a trade held back now is seen by the next one (`recordTradesReadyFor`).
 */
export async function lockOrderStreamOf(tx: Transaction, trade: EventOf<'trade'>): Promise<void> {
  const stream = streamOf(orderStreamPast(trade, 0));
  await tx.$executeRaw`
    INSERT INTO orders.event_marks (consumer, stream, sequence) VALUES (${ORDERS_CONSUMER}, ${stream}, 0)
    ON CONFLICT DO NOTHING`;
  await tx.$queryRaw`
    SELECT 1 FROM orders.event_marks WHERE consumer = ${ORDERS_CONSUMER} AND stream = ${stream} FOR SHARE`;
}

/** Keeps a trade whose orders have no rows yet, until they do (`recordTradesReadyFor`). */
export async function holdTrade(
  tx: Transaction,
  trade: TradeBetweenOrders,
  accounts: TradeAccounts,
): Promise<void> {
  await tx.pendingTrade.upsert({ where: { id: trade.id }, update: {}, create: { ...trade, ...accounts } });
}

/**
 * Records the held trades of order `orderId` whose two order rows now both exist, each owned by
 * its rows' users as `recordTrade` would. Called for every event of an order once its row is
 * written: the engine follows each trade with a fill event of both orders, so no trade stays held
 * for long (one index probe of a table that is nearly always empty).
 */
export async function recordTradesReadyFor(tx: Transaction, orderId: string): Promise<OwnerMismatch[]> {
  return tx.$queryRaw<OwnerMismatch[]>`
    WITH ready AS (
      DELETE FROM orders.pending_trades pending
      USING orders.orders buy_order, orders.orders sell_order
      WHERE (pending.buy_order_id = ${orderId}::uuid OR pending.sell_order_id = ${orderId}::uuid)
        AND buy_order.id = pending.buy_order_id AND sell_order.id = pending.sell_order_id
      RETURNING pending.*, buy_order.user_id AS buyer_user_id, sell_order.user_id AS seller_user_id
    ), recorded AS (
      INSERT INTO orders.trades (id, instrument_id, buy_order_id, sell_order_id, price, quantity, executed_at,
                                 engine_trade_id, engine_shard, buyer_user_id, seller_user_id)
      SELECT id, instrument_id, buy_order_id, sell_order_id, price, quantity, executed_at,
             engine_trade_id, engine_shard, buyer_user_id, seller_user_id
      FROM ready
      ON CONFLICT DO NOTHING
    )
    SELECT engine_shard AS "engineShard", engine_trade_id AS "engineTradeId",
           buy_order_id::text AS "buyOrderId", sell_order_id::text AS "sellOrderId"
    FROM ready
    WHERE buyer_user_id::text <> buyer_account_id OR seller_user_id::text <> seller_account_id`;
}
