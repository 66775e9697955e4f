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
 *
 * The average price has a guard of its own, the filled quantity it covers (`priced_quantity`,
 * which only grows): the newest state may come from a writer that does not know the prices of
 * every fill (a cancel reports none), while a fill's price arrives later in an event older than
 * that state.
 */
export async function mirrorOrder(db: PrismaClient | Transaction, order: MirroredOrder): Promise<string> {
  const id = orderIdOf(order.engineOrderId);
  const averagePrice = order.average?.price ?? null;
  const pricedQuantity = order.average?.quantity ?? null;
  await db.$executeRaw`
    INSERT INTO orders.orders (id, user_id, instrument_id, side, type, status, price, quantity, filled_quantity,
                               average_price, priced_quantity, reject_reason, engine_order_id, engine_sequence,
                               created_at, updated_at)
    VALUES (${id}::uuid, ${order.userId}::uuid, ${order.instrumentId}::uuid, ${order.side}::orders."OrderSide",
            ${order.type}::orders."OrderType", ${order.status}::orders."OrderStatus", ${order.price}::numeric,
            ${order.quantity}::numeric, ${order.filledQuantity}::numeric, ${averagePrice}::numeric,
            ${pricedQuantity}::numeric, ${order.rejectReason}, ${BigInt(order.engineOrderId)}, ${order.sequence},
            ${order.at}, ${order.at})
    ON CONFLICT (id) DO UPDATE SET
      status = EXCLUDED.status,
      price = EXCLUDED.price,
      quantity = EXCLUDED.quantity,
      filled_quantity = EXCLUDED.filled_quantity,
      reject_reason = EXCLUDED.reject_reason,
      engine_sequence = EXCLUDED.engine_sequence,
      updated_at = EXCLUDED.updated_at
    WHERE orders.orders.engine_sequence < EXCLUDED.engine_sequence
      AND orders.orders.user_id = EXCLUDED.user_id`;
  // Apart from the upsert: either may apply without the other. Each only moves its columns
  // forward, so the row ends the same whichever way concurrent writers interleave.
  if (order.average)
    await db.$executeRaw`
      UPDATE orders.orders
      SET average_price = ${averagePrice}::numeric,
          priced_quantity = ${pricedQuantity}::numeric,
          updated_at = GREATEST(updated_at, ${order.at})
      WHERE id = ${id}::uuid
        AND user_id = ${order.userId}::uuid
        AND (priced_quantity IS NULL OR priced_quantity < ${pricedQuantity}::numeric)`;
  return id;
}
