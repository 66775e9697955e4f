import type { PrismaClient } from '@mib/db';
import type { Transaction } from '@mib/subgraph-kit';
import { orderIdOf } from '../engineMirror/engineIds.js';
import type { MirroredOrder } from '../engineMirror/orderState.js';

/**
 * Writes the engine's view of an order, unless the row already reflects a later engine event.
 * The mutation that placed the order and the event consumer both call this, in any order; the
 * sequence guard makes the newest state win and replays harmless. A row of another user is
 * never touched: an engine order id only comes round again when an engine ran without its
 * journal (ids restart at 1), and then the first order keeps its terms. Returns the row's id.
 */
export async function mirrorOrder(db: PrismaClient | Transaction, order: MirroredOrder): Promise<string> {
  const id = orderIdOf(order.engineOrderId);
  await db.$executeRaw`
    INSERT INTO orders.orders (id, user_id, instrument_id, side, type, status, price, quantity, filled_quantity,
                               average_price, reject_reason, engine_order_id, engine_sequence, created_at, updated_at)
    VALUES (${id}::uuid, ${order.userId}::uuid, ${order.instrumentId}::uuid, ${order.side}::orders."OrderSide",
            ${order.type}::orders."OrderType", ${order.status}::orders."OrderStatus", ${order.price}::numeric,
            ${order.quantity}::numeric, ${order.filledQuantity}::numeric, ${order.averagePrice}::numeric,
            ${order.rejectReason}, ${BigInt(order.engineOrderId)}, ${order.sequence}, ${order.at}, ${order.at})
    ON CONFLICT (id) DO UPDATE SET
      status = EXCLUDED.status,
      price = EXCLUDED.price,
      quantity = EXCLUDED.quantity,
      filled_quantity = EXCLUDED.filled_quantity,
      average_price = COALESCE(EXCLUDED.average_price, orders.orders.average_price),
      reject_reason = EXCLUDED.reject_reason,
      engine_sequence = EXCLUDED.engine_sequence,
      updated_at = EXCLUDED.updated_at
    WHERE orders.orders.engine_sequence < EXCLUDED.engine_sequence
      AND orders.orders.user_id = EXCLUDED.user_id`;
  return id;
}
