import DataLoader from 'dataloader';
import type { Order, PrismaClient } from '@mib/db';

export type OrderLoader = DataLoader<string, Order | null>;

/**
 * Batches every order lookup of one request into one query: `Query.order`, the gateway's
 * `_entities` representations and the two sides of each trade all land here.
 */
export function createOrderLoader(prisma: PrismaClient): OrderLoader {
  return new DataLoader(async (ids) => {
    const orders = await prisma.order.findMany({ where: { id: { in: [...ids] } } });
    const byId = new Map(orders.map((order) => [order.id, order]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}
