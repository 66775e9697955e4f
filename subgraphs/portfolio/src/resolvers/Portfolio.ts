import { parseId } from '@mib/subgraph-kit';
import { listPositions } from '../data/listPositions.js';
import type { PortfolioResolvers } from './types.generated.js';

export const Portfolio: PortfolioResolvers = {
  // The gateway sends many representations at once; the loader turns them into one query.
  __resolveReference: ({ id }, { portfolioById }) => portfolioById.load(parseId(id)),
  // Users live in the users subgraph: hand back the key, the gateway does the rest.
  user: ({ userId }) => ({ id: userId }),
  realizedPnl: ({ id }, _args, { realizedPnlOfPortfolio }) => realizedPnlOfPortfolio.load(id),
  positions: ({ id }, args, { prisma }) => listPositions(prisma, id, args),
};
