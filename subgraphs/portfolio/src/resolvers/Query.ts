import { parseId } from '@mib/subgraph-kit';
import type { QueryResolvers } from './types.generated.js';

export const Query: QueryResolvers = {
  portfolio: (_parent, { id }, { portfolioById }) => portfolioById.load(parseId(id)),
};
