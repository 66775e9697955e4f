import DataLoader from 'dataloader';
import type { PrismaClient, RiskProfile } from '@mib/db';

export type RiskProfileLoader = DataLoader<string, RiskProfile | null>;

/** Batches risk-profile lookups by id (`Query.riskProfile`, entity references) into one query per request. */
export function createRiskProfileLoader(prisma: PrismaClient): RiskProfileLoader {
  return new DataLoader(async (ids) => {
    const profiles = await prisma.riskProfile.findMany({ where: { id: { in: [...ids] } } });
    const byId = new Map(profiles.map((profile) => [profile.id, profile]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}
