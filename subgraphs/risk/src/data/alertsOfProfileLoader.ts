import { Prisma, type PrismaClient, type RiskAlert } from '@mib/db';
import { createPageLoader, pageWhere, type PageLoader } from '@mib/subgraph-kit';

/** The arguments of `RiskProfile.alerts` besides `first`/`after`. */
export interface AlertFilter {
  /** Leave out alerts someone has already acknowledged. */
  readonly unacknowledgedOnly: boolean;
}

/** Resolves one profile's page of alerts plus one row (see `toConnection`), newest first. */
export type AlertsOfProfileLoader = PageLoader<RiskAlert, AlertFilter>;

/** Ties on `createdAt` are broken by id, so the order is total and keyset pages never repeat or skip. */
const newestFirst = [
  { createdAt: 'desc' },
  { id: 'desc' },
] satisfies Prisma.RiskAlertOrderByWithRelationInput[];

/**
 * Batches `RiskProfile.alerts` across the profiles of one request: first pages with the same
 * filter and size share two statements however many profiles ask; a page after a cursor is one
 * keyset query on (createdAt, id), right even when the cursor's alert has since been acknowledged.
 */
export function createAlertsOfProfileLoader(prisma: PrismaClient): AlertsOfProfileLoader {
  return createPageLoader<RiskAlert, AlertFilter>({
    loadFirstPages: (profileIds, filter, take) => loadFirstPages(prisma, profileIds, filter, take),
    loadPage: async (riskProfileId, { unacknowledgedOnly }, page) => {
      const where = await pageWhere<Prisma.RiskAlertWhereInput>(
        { riskProfileId, ...(unacknowledgedOnly ? { acknowledged: false } : {}) },
        page,
        newestFirst,
        (id) => prisma.riskAlert.findFirst({ where: { id, riskProfileId } }),
      );
      return where ? prisma.riskAlert.findMany({ where, orderBy: newestFirst, take: page.take }) : [];
    },
    parentOf: (alert) => alert.riskProfileId,
  });
}

/**
 * The newest `take` alerts of each profile: a window query picks each profile's ids (served by
 * the (risk_profile_id, created_at DESC) index), then one query loads those rows, newest first.
 */
async function loadFirstPages(
  prisma: PrismaClient,
  profileIds: readonly string[],
  { unacknowledgedOnly }: AlertFilter,
  take: number,
): Promise<RiskAlert[]> {
  const ranked = await prisma.$queryRaw<{ id: string }[]>`
    SELECT id::text AS id FROM (
      SELECT id, row_number() OVER (PARTITION BY risk_profile_id ORDER BY created_at DESC, id DESC) AS rank
      FROM risk.risk_alerts
      WHERE risk_profile_id IN (${Prisma.join(profileIds.map((profileId) => Prisma.sql`${profileId}::uuid`))})
        ${unacknowledgedOnly ? Prisma.sql`AND NOT acknowledged` : Prisma.empty}
    ) AS ranked
    WHERE rank <= ${take}`;
  if (ranked.length === 0) return [];
  return prisma.riskAlert.findMany({
    where: { id: { in: ranked.map((row) => row.id) } },
    orderBy: newestFirst,
  });
}
