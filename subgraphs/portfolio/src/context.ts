import type { Identity } from '@mib/auth';
import type { PrismaClient } from '@mib/db';
import type { PlatformServices } from '@mib/subgraph-kit';
import { createMarketPriceLoader, type MarketPriceLoader } from './data/marketPriceLoader.js';
import { createPortfolioLoader, type PortfolioLoader } from './data/portfolioLoader.js';
import { createPortfolioOfUserLoader, type PortfolioOfUserLoader } from './data/portfolioOfUserLoader.js';
import { createPositionLoader, type PositionLoader } from './data/positionLoader.js';
import {
  createPositionsOfPortfolioLoader,
  type PositionsOfPortfolioLoader,
} from './data/positionsOfPortfolioLoader.js';
import { createRealizedPnlLoader, type RealizedPnlLoader } from './data/realizedPnlLoader.js';
import { createUnrealizedPnlLoader, type UnrealizedPnlLoader } from './data/unrealizedPnlLoader.js';
import { portfolioRuntimeOf, type PortfolioRuntime } from './portfolioRuntime.js';

export interface PortfolioContext {
  readonly prisma: PrismaClient;
  /** Who is calling (null: anonymous). */
  readonly identity: Identity | null;
  readonly runtime: PortfolioRuntime;
  readonly portfolioById: PortfolioLoader;
  readonly portfolioOfUser: PortfolioOfUserLoader;
  readonly positionById: PositionLoader;
  readonly positionsOfPortfolio: PositionsOfPortfolioLoader;
  readonly realizedPnlOfPortfolio: RealizedPnlLoader;
  readonly unrealizedPnlOfPortfolio: UnrealizedPnlLoader;
  readonly marketPriceOfInstrument: MarketPriceLoader;
}

/** A fresh context per request: loaders cache only within one request. */
export const createPortfolioContext = (
  prisma: PrismaClient,
  identity: Identity | null = null,
  services?: PlatformServices,
): PortfolioContext => ({
  prisma,
  identity,
  runtime: portfolioRuntimeOf(prisma, services),
  portfolioById: createPortfolioLoader(prisma),
  portfolioOfUser: createPortfolioOfUserLoader(prisma),
  positionById: createPositionLoader(prisma),
  positionsOfPortfolio: createPositionsOfPortfolioLoader(prisma),
  realizedPnlOfPortfolio: createRealizedPnlLoader(prisma),
  unrealizedPnlOfPortfolio: createUnrealizedPnlLoader(prisma),
  marketPriceOfInstrument: createMarketPriceLoader(prisma),
});

/**
 * A subscription keeps one context for all its events, so its loaders would serve the first
 * event's rows forever: each event starts from an empty cache.
 */
export function forgetLoadedRows(context: PortfolioContext): void {
  for (const loader of [
    context.portfolioById,
    context.portfolioOfUser,
    context.positionById,
    context.positionsOfPortfolio,
    context.realizedPnlOfPortfolio,
    context.unrealizedPnlOfPortfolio,
    context.marketPriceOfInstrument,
  ])
    loader.clearAll();
}
