import { pageQuery, parseId, toConnection } from '@mib/subgraph-kit';
import type { UserResolvers } from './types.generated.js';

export const User: UserResolvers = {
  // Arguments are checked here, before batching, so one bad request fails alone.
  orders: async ({ id }, { status, first, after }, { ordersOfUser }) => {
    const page = pageQuery({ first, after });
    const rows = await ordersOfUser.load({ userId: parseId(id), statuses: status ?? null, page });
    return toConnection(rows, page);
  },
};
