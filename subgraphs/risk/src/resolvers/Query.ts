import { parseId } from '@mib/subgraph-kit';
import type { QueryResolvers } from './types.generated.js';

export const Query: QueryResolvers = {
  riskProfile: (_parent, { id }, { riskProfileById }) => riskProfileById.load(parseId(id)),
};
