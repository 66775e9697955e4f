import { requireOwner } from '@mib/auth';
import { pageQuery, parseId, toConnection } from '@mib/subgraph-kit';
import type { UserResolvers } from './types.generated.js';

export const User: UserResolvers = {
  // Arguments are checked here, before batching, so one bad request fails alone.
  orders: async ({ id }, { status, first, after }, { ordersOfUser, identity }) => {
    requireOwner(identity, id.toLowerCase());
    const page = pageQuery({ first, after });
    // Lower case, as PostgreSQL prints the `user_id` the batched rows are dealt out by.
    const rows = await ordersOfUser.load({
      parentId: parseId(id).toLowerCase(),
      filter: status ?? null,
      page,
    });
    return toConnection(rows, page);
  },
};
