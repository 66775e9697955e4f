import { databaseSubgraph } from '@mib/subgraph-kit';
import { createOrdersContext } from './context.js';
import { resolvers } from './resolvers/index.js';

export const ORDERS_SUBGRAPH = 'orders';

/** The orders subgraph (read side: orders, their fills, each user's orders): contract, resolvers, per-request context. */
export const ordersSubgraph = databaseSubgraph({
  name: ORDERS_SUBGRAPH,
  schemaFile: new URL('./schema.graphql', import.meta.url),
  resolvers,
  createContext: createOrdersContext,
});
