import { requireOwner } from '@mib/auth';
import { parseId } from '@mib/subgraph-kit';
import type { UserResolvers } from './types.generated.js';

export const User: UserResolvers = {
  // Batched: the gateway resolves many users' portfolios in one call.
  portfolio: ({ id }, _args, { portfolioOfUser, identity }) => {
    requireOwner(identity, id.toLowerCase());
    return portfolioOfUser.load(parseId(id));
  },
};
