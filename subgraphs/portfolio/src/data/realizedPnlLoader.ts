import DataLoader from 'dataloader';
import { Prisma, type PrismaClient } from '@mib/db';

export type RealizedPnlLoader = DataLoader<string, Prisma.Decimal>;

/**
 * Realized P&L of many portfolios, summed by PostgreSQL (exact `numeric` arithmetic) in one
 * grouped query. A portfolio without positions has realized nothing: zero.
 */
export function createRealizedPnlLoader(prisma: PrismaClient): RealizedPnlLoader {
  return new DataLoader(async (portfolioIds) => {
    const sums = await prisma.position.groupBy({
      by: ['portfolioId'],
      where: { portfolioId: { in: [...portfolioIds] } },
      _sum: { realizedPnl: true },
    });
    const byPortfolio = new Map(sums.map((sum) => [sum.portfolioId, sum._sum.realizedPnl]));
    return portfolioIds.map((id) => byPortfolio.get(id) ?? new Prisma.Decimal(0));
  });
}
