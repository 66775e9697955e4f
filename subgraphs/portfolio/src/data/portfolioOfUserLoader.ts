import DataLoader from 'dataloader';
import type { Portfolio, PrismaClient } from '@mib/db';

export type PortfolioOfUserLoader = DataLoader<string, Portfolio | null>;

/** `User.portfolio` for every user of one request in one query (a user has at most one portfolio). */
export function createPortfolioOfUserLoader(prisma: PrismaClient): PortfolioOfUserLoader {
  return new DataLoader(async (userIds) => {
    const portfolios = await prisma.portfolio.findMany({ where: { userId: { in: [...userIds] } } });
    const byUser = new Map(portfolios.map((portfolio) => [portfolio.userId, portfolio]));
    return userIds.map((userId) => byUser.get(userId) ?? null);
  });
}
