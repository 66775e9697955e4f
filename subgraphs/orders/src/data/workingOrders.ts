import type { Order, Prisma, PrismaClient } from '@mib/db';

const oldestFirst: Prisma.OrderOrderByWithRelationInput[] = [{ createdAt: 'asc' }, { id: 'asc' }];

/**
 * The orders of `userId` recorded as working on the engine (OPEN or PARTIALLY_FILLED, with an
 * engine id: a row without one never reached it), only those of `instrumentId` when given,
 * oldest first. The owner is part of the query, so no other user's order can be among them.
 */
export function workingOrdersOf(
  prisma: PrismaClient,
  userId: string,
  instrumentId: string | null,
): Promise<Order[]> {
  return prisma.order.findMany({
    where: {
      userId,
      status: { in: ['OPEN', 'PARTIALLY_FILLED'] },
      engineOrderId: { not: null },
      ...(instrumentId === null ? {} : { instrumentId }),
    },
    orderBy: oldestFirst,
  });
}

/** The rows with these ids that belong to `userId`, oldest first (one statement). */
export function ownOrdersByIds(
  prisma: PrismaClient,
  userId: string,
  ids: readonly string[],
): Promise<Order[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return prisma.order.findMany({ where: { id: { in: [...ids] }, userId }, orderBy: oldestFirst });
}
