import DataLoader from 'dataloader';
import type { Portfolio, PrismaClient } from '@mib/db';

export type PortfolioLoader = DataLoader<string, Portfolio | null>;

/**
 * Batches every portfolio lookup of one request by id: `Query.portfolio`, entity references
 * from the gateway and `Position.portfolio` for a page of positions share one query.
 */
export function createPortfolioLoader(prisma: PrismaClient): PortfolioLoader {
  return new DataLoader(async (ids) => {
    const portfolios = await prisma.portfolio.findMany({ where: { id: { in: [...ids] } } });
    const byId = new Map(portfolios.map((portfolio) => [portfolio.id, portfolio]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}
