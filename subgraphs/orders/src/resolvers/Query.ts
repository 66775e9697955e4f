import { parseId } from '@mib/subgraph-kit';
import type { QueryResolvers } from './types.generated.js';

export const Query: QueryResolvers = {
  order: (_parent, { id }, { orderById }) => orderById.load(parseId(id)),
};
