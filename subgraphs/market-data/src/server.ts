import { databaseSubgraph } from '@mib/subgraph-kit';
import { createMarketDataContext } from './context.js';
import { resolvers } from './resolvers/index.js';

export const MARKET_DATA_SUBGRAPH = 'market-data';

/** The market-data subgraph: its contract, resolvers and per-request context. */
export const marketDataSubgraph = databaseSubgraph({
  name: MARKET_DATA_SUBGRAPH,
  schemaFile: new URL('./schema.graphql', import.meta.url),
  resolvers,
  createContext: createMarketDataContext,
});
