import { pageQuery, parseId, toConnection } from '@mib/subgraph-kit';
import type { RiskProfileResolvers } from './types.generated.js';

export const RiskProfile: RiskProfileResolvers = {
  // The gateway sends many representations at once; the loader turns them into one query.
  __resolveReference: ({ id }, { riskProfileById }) => riskProfileById.load(parseId(id)),
  // Users live in the users subgraph: hand back the key, the gateway does the rest.
  user: ({ userId }) => ({ id: userId }),
  // Arguments are checked here, before batching, so one bad request fails alone.
  alerts: async ({ id }, { unacknowledgedOnly, first, after }, { alertsOfProfile }) => {
    const page = pageQuery({ first, after });
    const rows = await alertsOfProfile.load({ parentId: id, filter: { unacknowledgedOnly: unacknowledgedOnly ?? false }, page });
    return toConnection(rows, page);
  },
};
