import DataLoader from 'dataloader';
import { Prisma, type Order, type OrderStatus, type PrismaClient } from '@mib/db';
import type { PageQuery } from '@mib/subgraph-kit';

/** One user's page of orders, as `User.orders` asks for it. */
export interface UserOrdersKey {
  readonly userId: string;
  /** Only orders in these states; null for all. */
  readonly statuses: readonly OrderStatus[] | null;
  readonly page: PageQuery;
}

/** Resolves to the rows of the page plus one (see `toConnection`), newest first. */
export type UserOrdersLoader = DataLoader<UserOrdersKey, Order[], string>;

const newestFirst: Prisma.OrderOrderByWithRelationInput[] = [{ createdAt: 'desc' }, { id: 'desc' }];

/**
 * Batches `User.orders` across the users of one request. First pages (no cursor) with the same
 * filter and size share two statements however many users ask: a window query picks each
 * user's newest ids, then one query loads those rows. A page after a cursor is one user's
 * keyset query (Prisma's cursor on `id` follows the (createdAt, id) order).
 */
export function createUserOrdersLoader(prisma: PrismaClient): UserOrdersLoader {
  return new DataLoader(
    async (keys) => {
      const firstPages = new Map<string, UserOrdersKey[]>();
      for (const key of keys) {
        if (key.page.cursor) continue;
        const shape = JSON.stringify([key.statuses, key.page.take]);
        const group = firstPages.get(shape);
        if (group) group.push(key);
        else firstPages.set(shape, [key]);
      }
      const pages = new Map<UserOrdersKey, Order[]>();
      await Promise.all([
        ...[...firstPages.values()].map(async (group) => {
          const byUser = await loadFirstPages(prisma, group);
          for (const key of group) pages.set(key, byUser.get(key.userId) ?? []);
        }),
        ...keys
          .filter((key) => key.page.cursor)
          .map(async (key) => {
            pages.set(key, await loadPageAfterCursor(prisma, key));
          }),
      ]);
      return keys.map((key) => pages.get(key) ?? []);
    },
    { cacheKeyFn: (key) => JSON.stringify([key.userId, key.statuses, key.page]) },
  );
}

/** First pages for several users sharing one filter and page size, grouped by user. */
async function loadFirstPages(prisma: PrismaClient, group: readonly UserOrdersKey[]): Promise<Map<string, Order[]>> {
  const byUser = new Map<string, Order[]>();
  const [sample] = group;
  if (!sample || sample.statuses?.length === 0) return byUser;
  const statusFilter = sample.statuses
    ? Prisma.sql`AND status IN (${Prisma.join(sample.statuses.map((status) => Prisma.sql`${status}::orders."OrderStatus"`))})`
    : Prisma.empty;
  const ranked = await prisma.$queryRaw<{ id: string }[]>`
    SELECT id::text AS id FROM (
      SELECT id, row_number() OVER (PARTITION BY user_id ORDER BY created_at DESC, id DESC) AS rank
      FROM orders.orders
      WHERE user_id IN (${Prisma.join(group.map((key) => Prisma.sql`${key.userId}::uuid`))}) ${statusFilter}
    ) AS ranked
    WHERE rank <= ${sample.page.take}`;
  if (ranked.length === 0) return byUser;
  const orders = await prisma.order.findMany({ where: { id: { in: ranked.map((row) => row.id) } }, orderBy: newestFirst });
  for (const order of orders) {
    const page = byUser.get(order.userId);
    if (page) page.push(order);
    else byUser.set(order.userId, [order]);
  }
  return byUser;
}

function loadPageAfterCursor(prisma: PrismaClient, { userId, statuses, page }: UserOrdersKey): Promise<Order[]> {
  return prisma.order.findMany({
    where: { userId, ...(statuses ? { status: { in: [...statuses] } } : {}) },
    orderBy: newestFirst,
    ...page,
  });
}
