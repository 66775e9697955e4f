import { requireOwner } from '@mib/auth';
import { parseId } from '@mib/subgraph-kit';
import type { UserResolvers } from './types.generated.js';

export const User: UserResolvers = {
  // Batched: the gateway resolves many users' risk profiles in one call.
  riskProfile: ({ id }, _args, { riskProfileOfUser, identity }) => {
    requireOwner(identity, id.toLowerCase());
    return riskProfileOfUser.load(parseId(id));
  },
};
