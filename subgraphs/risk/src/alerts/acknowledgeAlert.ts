import { requireOwner, type Identity } from '@mib/auth';
import type { PrismaClient, RiskAlert } from '@mib/db';
import { notFound } from '@mib/errors';

/**
 * Marks an alert acknowledged for its profile's owner or an admin; an alert already acknowledged
 * is returned as it is. The owner is checked before anything is written.
 */
export async function acknowledgeAlert(
  prisma: PrismaClient,
  identity: Identity,
  alertId: string,
): Promise<RiskAlert> {
  const alert = await prisma.riskAlert.findUnique({
    where: { id: alertId },
    include: { riskProfile: { select: { userId: true } } },
  });
  if (!alert) throw notFound('RiskAlert', alertId);
  const { riskProfile, ...row } = alert;
  requireOwner(identity, riskProfile.userId);
  if (row.acknowledged) return row;
  return prisma.riskAlert.update({ where: { id: alertId }, data: { acknowledged: true } });
}
