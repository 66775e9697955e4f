import { databaseSubgraph } from '@mib/subgraph-kit';
import { createMarketDataContext } from './context.js';
import { consumeMarketData } from './data/marketReadModel.js';
import { liveMarketOn } from './live/liveMarket.js';
import { triggeredPriceAlertsOf } from './live/triggeredPriceAlerts.js';
import { resolvers } from './resolvers/index.js';

export const MARKET_DATA_SUBGRAPH = 'market-data';

/**
 * The market-data subgraph: its contract, resolvers and per-request context; with platform
 * services, the quotes, candles and trades read model (which fires price alerts) and the live
 * events its subscriptions read.
 */
export const marketDataSubgraph = databaseSubgraph({
  name: MARKET_DATA_SUBGRAPH,
  schemaFile: new URL('./schema.graphql', import.meta.url),
  resolvers,
  createContext: createMarketDataContext,
  background: async (prisma, services, logger) => {
    // Joined before the server listens, so no event published after start-up is missed. The
    // membership lives as long as the bus: it is per process, shared by every subscriber.
    const market = liveMarketOn(services.events);
    await market.start();
    // Live price-alert subscribers of this process learn at once when a trade is applied here.
    const priceAlerts = triggeredPriceAlertsOf(market, prisma, { logger });
    const readModel = await consumeMarketData(services.events, prisma, logger, (event) =>
      priceAlerts.applied(event),
    );
    return [readModel];
  },
});
