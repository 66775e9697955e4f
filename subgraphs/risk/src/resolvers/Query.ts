import { requireOwner } from '@mib/auth';
import { parseId } from '@mib/subgraph-kit';
import type { QueryResolvers } from './types.generated.js';

export const Query: QueryResolvers = {
  riskProfile: async (_parent, { id }, { riskProfileById, identity }) => {
    const profile = await riskProfileById.load(parseId(id));
    if (profile) requireOwner(identity, profile.userId);
    return profile;
  },
};
