import DataLoader from 'dataloader';
import type { PrismaClient, RiskProfile } from '@mib/db';

export type RiskProfileOfUserLoader = DataLoader<string, RiskProfile | null>;

/** `User.riskProfile` for every user of one request in one query (a user has at most one profile). */
export function createRiskProfileOfUserLoader(prisma: PrismaClient): RiskProfileOfUserLoader {
  return new DataLoader(async (userIds) => {
    const profiles = await prisma.riskProfile.findMany({ where: { userId: { in: [...userIds] } } });
    const byUser = new Map(profiles.map((profile) => [profile.userId, profile]));
    return userIds.map((userId) => byUser.get(userId) ?? null);
  });
}
