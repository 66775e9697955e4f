import { requireOwner } from '@mib/auth';
import { parseId } from '@mib/subgraph-kit';
import type { QueryResolvers } from './types.generated.js';

export const Query: QueryResolvers = {
  order: async (_parent, { id }, { orderById, identity }) => {
    const order = await orderById.load(parseId(id));
    if (order) requireOwner(identity, order.userId);
    return order;
  },
};
