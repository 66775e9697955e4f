import DataLoader from 'dataloader';
import type { PrismaClient, RiskAlert } from '@mib/db';

export type RiskAlertLoader = DataLoader<string, RiskAlert | null>;

/** Batches alert lookups (entity references from the gateway) into one query per request. */
export function createRiskAlertLoader(prisma: PrismaClient): RiskAlertLoader {
  return new DataLoader(async (ids) => {
    const alerts = await prisma.riskAlert.findMany({ where: { id: { in: [...ids] } } });
    const byId = new Map(alerts.map((alert) => [alert.id, alert]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}
