import type { Order } from '@mib/db';
import type { OrderLoader } from './orderLoader.js';

/**
 * One side of a trade. A foreign key guarantees the order exists, so a miss is a broken
 * database, reported as an internal error rather than a null the schema does not allow.
 */
export async function loadTradedOrder(
  orderById: OrderLoader,
  tradeId: string,
  orderId: string,
): Promise<Order> {
  const order = await orderById.load(orderId);
  if (!order) throw new Error(`trade ${tradeId} refers to order ${orderId}, which does not exist`);
  return order;
}
