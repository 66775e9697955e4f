import { databaseSubgraph } from '@mib/subgraph-kit';
import { createRiskContext } from './context.js';
import { resolvers } from './resolvers/index.js';

export const RISK_SUBGRAPH = 'risk';

/** The risk subgraph (read side: limits and alerts, each user's risk profile): contract, resolvers, per-request context. */
export const riskSubgraph = databaseSubgraph({
  name: RISK_SUBGRAPH,
  schemaFile: new URL('./schema.graphql', import.meta.url),
  resolvers,
  createContext: createRiskContext,
});
