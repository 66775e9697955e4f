import type { Identity } from '@mib/auth';
import type { PrismaClient } from '@mib/db';
import { FxRatesLoader, type PlatformServices } from '@mib/subgraph-kit';
import { createCashBalancesLoader, type CashBalancesLoader } from './data/cashBalancesLoader.js';
import { createInstrumentLoader, type InstrumentLoader } from './data/instrumentLoader.js';
import { createMarketPriceLoader, type MarketPriceLoader } from './data/marketPriceLoader.js';
import { createPortfolioLoader, type PortfolioLoader } from './data/portfolioLoader.js';
import { createPortfolioOfUserLoader, type PortfolioOfUserLoader } from './data/portfolioOfUserLoader.js';
import { createPositionLoader, type PositionLoader } from './data/positionLoader.js';
import {
  createPositionsOfPortfolioLoader,
  type PositionsOfPortfolioLoader,
} from './data/positionsOfPortfolioLoader.js';
import { createPositionTotalsLoader, type PositionTotalsLoader } from './data/positionTotalsLoader.js';
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
  readonly cashBalancesOfPortfolio: CashBalancesLoader;
  readonly positionTotalsOfPortfolio: PositionTotalsLoader;
  readonly marketPriceOfInstrument: MarketPriceLoader;
  readonly instrumentById: InstrumentLoader;
  readonly fxRates: FxRatesLoader;
}

/** A fresh context per request: loaders cache only within one request. */
export const createPortfolioContext = (
  prisma: PrismaClient,
  identity: Identity | null = null,
  services?: PlatformServices,
): PortfolioContext => {
  const runtime = portfolioRuntimeOf(prisma, services);
  return {
    prisma,
    identity,
    runtime,
    portfolioById: createPortfolioLoader(prisma),
    portfolioOfUser: createPortfolioOfUserLoader(prisma),
    positionById: createPositionLoader(prisma),
    positionsOfPortfolio: createPositionsOfPortfolioLoader(prisma),
    cashBalancesOfPortfolio: createCashBalancesLoader(prisma),
    positionTotalsOfPortfolio: createPositionTotalsLoader(prisma),
    marketPriceOfInstrument: createMarketPriceLoader(prisma),
    fxRates: new FxRatesLoader(prisma),
    instrumentById: createInstrumentLoader(runtime.catalog),
  };
};

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
    context.cashBalancesOfPortfolio,
    context.positionTotalsOfPortfolio,
    context.marketPriceOfInstrument,
    context.fxRates,
    context.instrumentById,
  ])
    loader.clearAll();
}
