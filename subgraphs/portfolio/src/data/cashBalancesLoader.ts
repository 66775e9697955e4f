import DataLoader from 'dataloader';
import type { CashBalance, PrismaClient } from '@mib/db';
import { groupByKey } from './groupByKey.js';

export type CashBalancesLoader = DataLoader<string, CashBalance[]>;

/** The cash balances of many portfolios in one query, by currency code. */
export function createCashBalancesLoader(prisma: PrismaClient): CashBalancesLoader {
  return new DataLoader(async (portfolioIds) => {
    const balances = await prisma.cashBalance.findMany({
      where: { portfolioId: { in: [...portfolioIds] } },
      orderBy: { currency: 'asc' },
    });
    const byPortfolio = groupByKey(balances, (balance) => balance.portfolioId);
    return portfolioIds.map((id) => byPortfolio.get(id) ?? []);
  });
}
