import { parseId } from '@mib/subgraph-kit';
import type { UserResolvers } from './types.generated.js';

export const User: UserResolvers = {
  // Batched: the gateway resolves many users' portfolios in one call.
  portfolio: ({ id }, _args, { portfolioOfUser }) => portfolioOfUser.load(parseId(id)),
};
