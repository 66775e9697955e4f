import { requireIdentity } from '@mib/auth';
import { notFound } from '@mib/errors';
import { parseId, unknownInstrument } from '@mib/subgraph-kit';
import type { MarketDataContext } from '../context.js';
import { checkAlertPrice, createPriceAlert, deletePriceAlert } from '../data/changePriceAlerts.js';
import { addToWatchlist, removeFromWatchlist } from '../data/changeWatchlist.js';
import { instrumentsOnWatchlist } from '../data/watchlists.js';
import type { MutationResolvers } from './types.generated.js';

/**
 * The caller and the instrument a watchlist change names, checked before anything is written: a
 * malformed or unknown instrument id is bad input. `@requiresScopes(watchlist:write)` in the
 * schema keeps read-only callers from getting this far.
 */
async function watchlistChange(context: MarketDataContext, instrumentId: string) {
  const { userId } = requireIdentity(context.identity);
  const id = parseId(instrumentId, 'instrumentId');
  if (!(await context.instrumentById.load(id))) throw unknownInstrument(id);
  return { userId, instrumentId: id };
}

/** The caller's list as it is now: read afresh, as an earlier mutation of the request may have changed it. */
function watchlistAfterChange(context: MarketDataContext, userId: string) {
  context.watchlistOf.clear(userId);
  return instrumentsOnWatchlist(context, userId);
}

export const Mutation: MutationResolvers = {
  // `@requiresScopes(admin)` in the schema: only admins reach this.
  setInstrumentTrading: async (_parent, { id, active }, { prisma, catalog }) => {
    const instrumentId = parseId(id);
    const { count } = await prisma.instrument.updateMany({ where: { id: instrumentId }, data: { active } });
    if (count === 0) throw notFound('Instrument', instrumentId);
    const instrument = await prisma.instrument.findUniqueOrThrow({ where: { id: instrumentId } });
    // This process answers with the new state at once; others within the catalogue's max age.
    catalog.remember(instrument);
    return instrument;
  },
  addToWatchlist: async (_parent, args, context) => {
    const { userId, instrumentId } = await watchlistChange(context, args.instrumentId);
    await addToWatchlist(context.prisma, userId, instrumentId);
    return watchlistAfterChange(context, userId);
  },
  removeFromWatchlist: async (_parent, args, context) => {
    const { userId, instrumentId } = await watchlistChange(context, args.instrumentId);
    await removeFromWatchlist(context.prisma, userId, instrumentId);
    return watchlistAfterChange(context, userId);
  },
  // `@requiresScopes(market:read, watchlist:write)` in the schema, as the watchlist's changes.
  createPriceAlert: async (_parent, { input }, context) => {
    const { userId } = requireIdentity(context.identity);
    const instrumentId = parseId(input.instrumentId, 'instrumentId');
    const instrument = await context.instrumentById.load(instrumentId);
    if (!instrument) throw unknownInstrument(instrumentId);
    const price = checkAlertPrice(input.price, instrument);
    return createPriceAlert(context.prisma, { userId, instrumentId, direction: input.direction, price });
  },
  deletePriceAlert: (_parent, { id }, context) => {
    const { userId } = requireIdentity(context.identity);
    return deletePriceAlert(context.prisma, userId, parseId(id));
  },
};
