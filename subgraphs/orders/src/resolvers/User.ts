import { requireOwner } from '@mib/auth';
import { pageQuery, parseId, toConnection, unknownInstrument } from '@mib/subgraph-kit';
import type { InstrumentOfOrderLoader } from '../data/instrumentOfOrder.js';
import type { UserResolvers } from './types.generated.js';

/**
 * The instrument a list is narrowed to (null: none), checked against the catalogue like an
 * order's (a malformed or unknown id is bad input). Through the request's instrument loader, so
 * the users of one batch look it up once, not once each.
 */
async function instrumentFilter(
  instrumentOf: InstrumentOfOrderLoader,
  instrumentId: string | null | undefined,
): Promise<string | null> {
  if (instrumentId == null) return null;
  const instrument = await instrumentOf.load(parseId(instrumentId, 'instrumentId'));
  // The loader gives an instrument the catalogue does not know its id alone, without a symbol.
  if (instrument.symbol === undefined) throw unknownInstrument(instrument.id);
  return instrument.id;
}

export const User: UserResolvers = {
  // Arguments are checked here, before batching, so one bad request fails alone. The owner check
  // comes first: a stranger learns nothing, not even that an instrument is unknown.
  orders: async (
    { id },
    { status, instrumentId, first, after },
    { ordersOfUser, instrumentOf, identity },
  ) => {
    requireOwner(identity, id.toLowerCase());
    // Lower case, as PostgreSQL prints the `user_id` the batched rows are dealt out by.
    const userId = parseId(id);
    const page = pageQuery({ first, after });
    const filter = {
      statuses: status ?? null,
      instrumentId: await instrumentFilter(instrumentOf, instrumentId),
    };
    return toConnection(await ordersOfUser.load({ parentId: userId, filter, page }), page);
  },
  trades: async ({ id }, { instrumentId, first, after }, { tradesOfUser, instrumentOf, identity }) => {
    requireOwner(identity, id.toLowerCase());
    const userId = parseId(id);
    const page = pageQuery({ first, after });
    const filter = await instrumentFilter(instrumentOf, instrumentId);
    // Each row names the user it is listed for, so `Trade.side` is that user's side, not the caller's.
    return toConnection(await tradesOfUser.load({ parentId: userId, filter, page }), page);
  },
};
