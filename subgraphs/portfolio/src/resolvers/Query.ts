import { requireOwner } from '@mib/auth';
import { parseId } from '@mib/subgraph-kit';
import type { QueryResolvers } from './types.generated.js';

export const Query: QueryResolvers = {
  portfolio: async (_parent, { id }, { portfolioById, identity }) => {
    const portfolio = await portfolioById.load(parseId(id));
    if (portfolio) requireOwner(identity, portfolio.userId);
    return portfolio;
  },
};
