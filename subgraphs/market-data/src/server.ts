import { databaseSubgraph } from '@mib/subgraph-kit';
import { createMarketDataContext } from './context.js';
import { consumeMarketData } from './data/marketReadModel.js';
import { liveMarketOn } from './live/liveMarket.js';
import { resolvers } from './resolvers/index.js';

export const MARKET_DATA_SUBGRAPH = 'market-data';

/**
 * The market-data subgraph: its contract, resolvers and per-request context; with platform
 * services, the quotes, candles and trades read model and the live events its subscriptions read.
 */
export const marketDataSubgraph = databaseSubgraph({
  name: MARKET_DATA_SUBGRAPH,
  schemaFile: new URL('./schema.graphql', import.meta.url),
  resolvers,
  createContext: createMarketDataContext,
  background: async (prisma, services, logger) => {
    // Joined before the server listens, so no event published after start-up is missed. The
    // membership lives as long as the bus: it is per process, shared by every subscriber.
    await liveMarketOn(services.events).start();
    const readModel = await consumeMarketData(services.events, prisma, logger);
    return [readModel];
  },
});
