import type { PrismaClient } from '@mib/db';
import { createInstrumentLoaders, type InstrumentLoaders } from './data/instrumentLoaders.js';
import { createQuoteLoader, type QuoteLoader } from './data/quoteLoader.js';

export interface MarketDataContext extends InstrumentLoaders {
  readonly prisma: PrismaClient;
  readonly quoteByInstrumentId: QuoteLoader;
}

/** A fresh context per request: loaders cache only within one request. */
export const createMarketDataContext = (prisma: PrismaClient): MarketDataContext => ({
  prisma,
  ...createInstrumentLoaders(prisma),
  quoteByInstrumentId: createQuoteLoader(prisma),
});
