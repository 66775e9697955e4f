import { Prisma, type Order, type OrderStatus, type PrismaClient } from '@mib/db';
import { createPageLoader, pageWhere, type PageLoader } from '@mib/subgraph-kit';

/** `User.orders(status:, instrumentId:)`: which of a user's orders are listed. */
export interface UserOrdersFilter {
  /** Only orders in these states; null for all. */
  readonly statuses: readonly OrderStatus[] | null;
  /** Only orders of this instrument; null for every instrument. */
  readonly instrumentId: string | null;
}

/** Resolves one user's page of orders plus one row (see `toConnection`), newest first. */
export type UserOrdersLoader = PageLoader<Order, UserOrdersFilter>;

const newestFirst = [{ createdAt: 'desc' }, { id: 'desc' }] satisfies Prisma.OrderOrderByWithRelationInput[];

/**
 * Batches `User.orders` across the users of one request. First pages with the same filter and
 * size share two statements however many users ask. A page after a cursor is one user's keyset
 * query on (createdAt, id), right even when the cursor's order has since left the filter (filled).
 */
export function createUserOrdersLoader(prisma: PrismaClient): UserOrdersLoader {
  return createPageLoader<Order, UserOrdersFilter>({
    loadFirstPages: (userIds, filter, take) => loadFirstPages(prisma, userIds, filter, take),
    loadPage: async (userId, { statuses, instrumentId }, page) => {
      const where = await pageWhere<Prisma.OrderWhereInput>(
        {
          userId,
          ...(statuses ? { status: { in: [...statuses] } } : {}),
          ...(instrumentId ? { instrumentId } : {}),
        },
        page,
        newestFirst,
        (id) => prisma.order.findFirst({ where: { id, userId } }),
      );
      return where ? prisma.order.findMany({ where, orderBy: newestFirst, take: page.take }) : [];
    },
    parentOf: (order) => order.userId,
  });
}

/**
 * The newest `take` orders of each user: a window query picks each user's ids, then one query
 * loads those rows, newest first. Both shapes of the filter have their index: a user's orders
 * come from (user_id, created_at DESC, id), those of one instrument from (user_id,
 * instrument_id, created_at DESC, id), so a blotter of one instrument does not read the user's
 * orders of every other.
 */
async function loadFirstPages(
  prisma: PrismaClient,
  userIds: readonly string[],
  { statuses, instrumentId }: UserOrdersFilter,
  take: number,
): Promise<Order[]> {
  if (statuses?.length === 0) return [];
  const statusFilter = statuses
    ? Prisma.sql`AND status IN (${Prisma.join(statuses.map((status) => Prisma.sql`${status}::orders."OrderStatus"`))})`
    : Prisma.empty;
  const instrumentFilter = instrumentId
    ? Prisma.sql`AND instrument_id = ${instrumentId}::uuid`
    : Prisma.empty;
  const ranked = await prisma.$queryRaw<{ id: string }[]>`
    SELECT id::text AS id FROM (
      SELECT id, row_number() OVER (PARTITION BY user_id ORDER BY created_at DESC, id DESC) AS rank
      FROM orders.orders
      WHERE user_id IN (${Prisma.join(userIds.map((userId) => Prisma.sql`${userId}::uuid`))})
        ${instrumentFilter} ${statusFilter}
    ) AS ranked
    WHERE rank <= ${take}`;
  if (ranked.length === 0) return [];
  return prisma.order.findMany({ where: { id: { in: ranked.map((row) => row.id) } }, orderBy: newestFirst });
}
