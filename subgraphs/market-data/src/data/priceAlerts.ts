import { Prisma, type PriceAlert, type PrismaClient } from '@mib/db';
import {
  createPageLoader,
  pageQuery,
  pageWhere,
  toConnection,
  type Connection,
  type ConnectionArguments,
  type PageLoader,
} from '@mib/subgraph-kit';

/** Alerts one user may have waiting at once. */
export const PRICE_ALERT_CAP = 100;

/** `User.priceAlerts(active:)`: all of a user's alerts (null), only waiting ones, or only fired ones. */
export interface PriceAlertsFilter {
  readonly active: boolean | null;
}

/** Resolves one user's page of alerts plus one row (see `toConnection`), newest first. */
export type PriceAlertsLoader = PageLoader<PriceAlert, PriceAlertsFilter>;

const newestFirst = [
  { createdAt: 'desc' },
  { id: 'desc' },
] satisfies Prisma.PriceAlertOrderByWithRelationInput[];

const triggeredWhere = ({ active }: PriceAlertsFilter): Prisma.PriceAlertWhereInput =>
  active === null ? {} : { triggeredAt: active ? null : { not: null } };

/**
 * Batches `User.priceAlerts` across the users of one request: first pages with the same filter
 * and size are one statement (a bounded index read per user), a page after a cursor one user's keyset query on
 * (createdAt, id), right even when the cursor's alert has fired since and left the active list. Waiting alerts come from the partial index that
 * holds only them, so a long history of fired alerts does not slow the active list.
 */
export function createPriceAlertsLoader(prisma: PrismaClient): PriceAlertsLoader {
  return createPageLoader<PriceAlert, PriceAlertsFilter>({
    loadFirstPages: (userIds, filter, take) => loadFirstPages(prisma, userIds, filter, take),
    loadPage: async (userId, filter, page) => {
      const where = await pageWhere<Prisma.PriceAlertWhereInput>(
        { userId, ...triggeredWhere(filter) },
        page,
        newestFirst,
        // Only the owner's row: another's id gives an empty page, not a place in its list.
        (id) => prisma.priceAlert.findFirst({ where: { id, userId } }),
      );
      return where ? prisma.priceAlert.findMany({ where, orderBy: newestFirst, take: page.take }) : [];
    },
    parentOf: (alert) => alert.userId,
  });
}

async function loadFirstPages(
  prisma: PrismaClient,
  userIds: readonly string[],
  { active }: PriceAlertsFilter,
  take: number,
): Promise<PriceAlert[]> {
  const triggered =
    active === null
      ? Prisma.empty
      : active
        ? Prisma.sql`AND triggered_at IS NULL`
        : Prisma.sql`AND triggered_at IS NOT NULL`;
  // Per user an index range read that stops after `take` rows (a window over all of a user's
  // alerts would read the whole fired history for every first page).
  const ranked = await prisma.$queryRaw<{ id: string }[]>`
    SELECT page.id::text AS id
    FROM unnest(ARRAY[${Prisma.join(userIds.map((userId) => Prisma.sql`${userId}::uuid`))}]) AS owner(user_id)
    CROSS JOIN LATERAL (
      SELECT id FROM market.price_alerts
      WHERE user_id = owner.user_id ${triggered}
      ORDER BY created_at DESC, id DESC
      LIMIT ${take}
    ) AS page`;
  if (ranked.length === 0) return [];
  return prisma.priceAlert.findMany({
    where: { id: { in: ranked.map((row) => row.id) } },
    orderBy: newestFirst,
  });
}

/** `User.priceAlerts`: one user's page of alerts as a connection. */
export async function priceAlertConnection(
  loader: PriceAlertsLoader,
  userId: string,
  args: ConnectionArguments & { readonly active?: boolean | null | undefined },
): Promise<Connection<PriceAlert>> {
  const page = pageQuery(args);
  const rows = await loader.load({ parentId: userId, filter: { active: args.active ?? null }, page });
  return toConnection(rows, page);
}
