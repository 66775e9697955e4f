import type { PrismaClient } from '@mib/db';
import { createPortfolioLoader, type PortfolioLoader } from './data/portfolioLoader.js';
import { createPortfolioOfUserLoader, type PortfolioOfUserLoader } from './data/portfolioOfUserLoader.js';
import { createPositionLoader, type PositionLoader } from './data/positionLoader.js';
import { createPositionsOfPortfolioLoader, type PositionsOfPortfolioLoader } from './data/positionsOfPortfolioLoader.js';
import { createRealizedPnlLoader, type RealizedPnlLoader } from './data/realizedPnlLoader.js';

export interface PortfolioContext {
  readonly prisma: PrismaClient;
  readonly portfolioById: PortfolioLoader;
  readonly portfolioOfUser: PortfolioOfUserLoader;
  readonly positionById: PositionLoader;
  readonly positionsOfPortfolio: PositionsOfPortfolioLoader;
  readonly realizedPnlOfPortfolio: RealizedPnlLoader;
}

/** A fresh context per request: loaders cache only within one request. */
export const createPortfolioContext = (prisma: PrismaClient): PortfolioContext => ({
  prisma,
  portfolioById: createPortfolioLoader(prisma),
  portfolioOfUser: createPortfolioOfUserLoader(prisma),
  positionById: createPositionLoader(prisma),
  positionsOfPortfolio: createPositionsOfPortfolioLoader(prisma),
  realizedPnlOfPortfolio: createRealizedPnlLoader(prisma),
});
