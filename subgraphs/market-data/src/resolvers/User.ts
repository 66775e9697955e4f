import { requireOwner } from '@mib/auth';
import { parseId } from '@mib/subgraph-kit';
import { priceAlertConnection } from '../data/priceAlerts.js';
import { instrumentsOnWatchlist } from '../data/watchlists.js';
import type { UserResolvers } from './types.generated.js';

export const User: UserResolvers = {
  // `@requiresScopes(market:read)` in the schema; whose list it is, is checked here. The owner
  // check comes first: a stranger learns nothing, not even that an id is malformed. Lower case,
  // as PostgreSQL prints the `user_id` the batched rows are dealt out by.
  watchlist: ({ id }, _args, context) => {
    requireOwner(context.identity, id.toLowerCase());
    return instrumentsOnWatchlist(context, parseId(id));
  },
  // As `watchlist`: `@requiresScopes(market:read)`, then the owner (or an admin) only.
  priceAlerts: ({ id }, args, context) => {
    requireOwner(context.identity, id.toLowerCase());
    return priceAlertConnection(context.priceAlertsOf, parseId(id), args);
  },
};
