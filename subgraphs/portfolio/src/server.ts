import { consumeIntoReadModel, databaseSubgraph } from '@mib/subgraph-kit';
import { createPortfolioContext } from './context.js';
import { POSITIONS_CONSUMER, portfolioRuntimeOf } from './portfolioRuntime.js';
import { applyTrade } from './readModel/applyTrade.js';
import { resolvers } from './resolvers/index.js';

export const PORTFOLIO_SUBGRAPH = 'portfolio';

/**
 * The portfolio subgraph: cash, positions and P&L kept from the trades on the bus, each user's
 * portfolio, and the live `myPortfolio` subscription.
 */
export const portfolioSubgraph = databaseSubgraph({
  name: PORTFOLIO_SUBGRAPH,
  schemaFile: new URL('./schema.graphql', import.meta.url),
  resolvers,
  createContext: createPortfolioContext,
  background: async (prisma, services, logger) => {
    const { catalog, progress, live } = portfolioRuntimeOf(prisma, services, logger);
    const consumerLogger = logger.child({ consumer: POSITIONS_CONSUMER });
    await live?.start();
    return [
      await consumeIntoReadModel(services.events, prisma, {
        schema: 'portfolio',
        consumer: POSITIONS_CONSUMER,
        topics: ['trades'],
        apply: (event, tx) => applyTrade(event, tx, { catalog, logger: consumerLogger }),
        // Live subscribers learn at once that each trade is committed.
        applied: (event) => progress.applied(event),
      }),
    ];
  },
});
