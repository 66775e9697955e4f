import { databaseSubgraph } from '@mib/subgraph-kit';
import { createPortfolioContext } from './context.js';
import { resolvers } from './resolvers/index.js';

export const PORTFOLIO_SUBGRAPH = 'portfolio';

/** The portfolio subgraph (read side: cash, positions, P&L, each user's portfolio): contract, resolvers, per-request context. */
export const portfolioSubgraph = databaseSubgraph({
  name: PORTFOLIO_SUBGRAPH,
  schemaFile: new URL('./schema.graphql', import.meta.url),
  resolvers,
  createContext: createPortfolioContext,
});
