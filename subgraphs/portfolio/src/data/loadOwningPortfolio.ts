import type { Portfolio } from '@mib/db';
import type { PortfolioLoader } from './portfolioLoader.js';

/**
 * The portfolio a position belongs to. A foreign key guarantees it exists, so a miss is a
 * broken database, reported as an internal error rather than a null the schema does not allow.
 */
export async function loadOwningPortfolio(
  portfolioById: PortfolioLoader,
  positionId: string,
  portfolioId: string,
): Promise<Portfolio> {
  const portfolio = await portfolioById.load(portfolioId);
  if (!portfolio)
    throw new Error(`position ${positionId} belongs to portfolio ${portfolioId}, which does not exist`);
  return portfolio;
}
