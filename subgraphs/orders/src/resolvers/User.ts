import { requireOwner } from '@mib/auth';
import { pageQuery, parseId, toConnection } from '@mib/subgraph-kit';
import { knownInstrument } from '../commands/orderInput.js';
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
  // The owner check comes first: a stranger learns nothing, not even that an instrument is unknown.
  trades: async ({ id }, { instrumentId, first, after }, { tradesOfUser, identity, runtime }) => {
    requireOwner(identity, id.toLowerCase());
    const page = pageQuery({ first, after });
    const instrument =
      instrumentId == null
        ? null
        : await knownInstrument(runtime.catalog, parseId(instrumentId, 'instrumentId'));
    const rows = await tradesOfUser.load({ parentId: parseId(id), filter: instrument?.id ?? null, page });
    return toConnection(rows, page);
  },
};
