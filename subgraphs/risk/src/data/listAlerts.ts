import type { PrismaClient } from '@mib/db';
import { pageQuery, toConnection, type ConnectionArguments } from '@mib/subgraph-kit';

export interface AlertsArguments extends ConnectionArguments {
  /** Leave out alerts someone has already acknowledged. */
  readonly unacknowledgedOnly?: boolean | null | undefined;
}

/**
 * One page of a profile's alerts, newest first. Ties on `createdAt` are broken by id, so the
 * order is total and Prisma's keyset cursor on `id` never repeats or skips an alert.
 */
export async function listAlerts(prisma: PrismaClient, riskProfileId: string, { unacknowledgedOnly, ...args }: AlertsArguments) {
  const page = pageQuery(args);
  const rows = await prisma.riskAlert.findMany({
    where: { riskProfileId, ...(unacknowledgedOnly ? { acknowledged: false } : {}) },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    ...page,
  });
  return toConnection(rows, page);
}
