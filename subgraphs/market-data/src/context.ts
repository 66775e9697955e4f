import type { Identity } from '@mib/auth';
import type { PrismaClient } from '@mib/db';
import type { EngineClient } from '@mib/engine';
import { InstrumentCatalog, type PlatformServices } from '@mib/subgraph-kit';
import { createInstrumentLoaders, type InstrumentLoaders } from './data/instrumentLoaders.js';
import { createPriceAlertsLoader, type PriceAlertsLoader } from './data/priceAlerts.js';
import { createQuoteLoader, type QuoteLoader } from './data/quoteLoader.js';
import { createTradeTapeLoader, type TradeTapeLoader } from './data/tradeTape.js';
import { createWatchlistLoader, type WatchlistLoader } from './data/watchlists.js';
import { liveMarketOn, type LiveMarket } from './live/liveMarket.js';
import { triggeredPriceAlertsOf, type TriggeredPriceAlerts } from './live/triggeredPriceAlerts.js';

/** What live fields (order books, subscriptions) reach beyond the database. */
export interface LiveServices {
  readonly engine: EngineClient;
  readonly market: LiveMarket;
  readonly priceAlerts: TriggeredPriceAlerts;
}

export interface MarketDataContext extends InstrumentLoaders {
  readonly prisma: PrismaClient;
  /** Who is calling (null: anonymous). */
  readonly identity: Identity | null;
  /** The process's instruments (shared by every request over the same database client). */
  readonly catalog: InstrumentCatalog;
  readonly quoteByInstrumentId: QuoteLoader;
  readonly tradeTape: TradeTapeLoader;
  readonly watchlistOf: WatchlistLoader;
  readonly priceAlertsOf: PriceAlertsLoader;
  /** Absent when the subgraph runs without an engine and event bus (queries only). */
  readonly live: LiveServices | undefined;
}

const catalogs = new WeakMap<PrismaClient, InstrumentCatalog>();

function catalogOf(prisma: PrismaClient): InstrumentCatalog {
  let catalog = catalogs.get(prisma);
  if (!catalog) catalogs.set(prisma, (catalog = new InstrumentCatalog(prisma)));
  return catalog;
}

function liveServicesOf(prisma: PrismaClient, services: PlatformServices): LiveServices {
  const market = liveMarketOn(services.events);
  return { engine: services.engine, market, priceAlerts: triggeredPriceAlertsOf(market, prisma) };
}

/** A fresh context per request (or subscription): loaders cache only within it. */
export function createMarketDataContext(
  prisma: PrismaClient,
  identity: Identity | null,
  services: PlatformServices | undefined,
): MarketDataContext {
  const catalog = catalogOf(prisma);
  return {
    prisma,
    identity,
    catalog,
    ...createInstrumentLoaders(catalog),
    quoteByInstrumentId: createQuoteLoader(prisma),
    tradeTape: createTradeTapeLoader(prisma),
    watchlistOf: createWatchlistLoader(prisma),
    priceAlertsOf: createPriceAlertsLoader(prisma),
    live: services && liveServicesOf(prisma, services),
  };
}

/** The live services, or an error saying this deployment serves stored market data only. */
export function requireLive(context: MarketDataContext): LiveServices {
  if (!context.live)
    throw new Error(
      'live market data needs the engine and the event bus, which this subgraph was started without',
    );
  return context.live;
}
