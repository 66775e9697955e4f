import { requireOwner } from '@mib/auth';
import { pageQuery, parseId, toConnection } from '@mib/subgraph-kit';
import type { PortfolioResolvers } from './types.generated.js';

export const Portfolio: PortfolioResolvers = {
  // The gateway sends many representations at once; the loader turns them into one query.
  // A representation is any id a caller sends to `_entities`: the owner check of `Query.portfolio`.
  __resolveReference: async ({ id }, { portfolioById, identity }) => {
    const portfolio = await portfolioById.load(parseId(id));
    if (portfolio) requireOwner(identity, portfolio.userId);
    return portfolio;
  },
  // Users live in the users subgraph: hand back the key, the gateway does the rest.
  user: ({ userId }) => ({ id: userId }),
  realizedPnl: ({ id }, _args, { realizedPnlOfPortfolio }) => realizedPnlOfPortfolio.load(id),
  unrealizedPnl: ({ id }, _args, { unrealizedPnlOfPortfolio }) => unrealizedPnlOfPortfolio.load(id),
  // Arguments are checked here, before batching, so one bad request fails alone.
  positions: async ({ id }, args, { positionsOfPortfolio }) => {
    const page = pageQuery(args);
    return toConnection(await positionsOfPortfolio.load({ parentId: id, filter: null, page }), page);
  },
};
