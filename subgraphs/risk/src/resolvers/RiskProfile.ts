import { requireOwner } from '@mib/auth';
import { pageQuery, parseId, toConnection } from '@mib/subgraph-kit';
import { exposureOf } from '../analytics/exposure.js';
import { loadHeldPositions } from '../analytics/heldPositions.js';
import { drawdownOf, valueAtRiskOf } from '../analytics/riskOfPositions.js';
import type { RiskProfileResolvers } from './types.generated.js';

export const RiskProfile: RiskProfileResolvers = {
  // The gateway sends many representations at once; the loader turns them into one query.
  // A representation is any id a caller sends to `_entities`: the owner check of `Query.riskProfile`.
  __resolveReference: async ({ id }, { riskProfileById, identity }) => {
    const profile = await riskProfileById.load(parseId(id));
    if (profile) requireOwner(identity, profile.userId);
    return profile;
  },
  // Users live in the users subgraph: hand back the key, the gateway does the rest.
  user: ({ userId }) => ({ id: userId }),
  // Arguments are checked here, before batching, so one bad request fails alone.
  alerts: async ({ id }, { unacknowledgedOnly, first, after }, { alertsOfProfile }) => {
    const page = pageQuery({ first, after });
    const rows = await alertsOfProfile.load({
      parentId: id,
      filter: { unacknowledgedOnly: unacknowledgedOnly ?? false },
      page,
    });
    return toConnection(rows, page);
  },
  exposure: async ({ userId }, _args, { prisma, runtime }) =>
    exposureOf(await loadHeldPositions(prisma, runtime.catalog, userId)),
  valueAtRisk: ({ userId }, { confidence, days }, { prisma, runtime }) =>
    valueAtRiskOf({ prisma, catalog: runtime.catalog }, userId, confidence ?? 0.99, days ?? 250),
  drawdown: async ({ userId }, { days }, { prisma, runtime }) => {
    const drawdown = await drawdownOf({ prisma, catalog: runtime.catalog }, userId, days ?? 250);
    return (
      drawdown && {
        amount: drawdown.amount,
        ratio: drawdown.ratio,
        peakAt: drawdown.peakDay === null ? null : new Date(drawdown.peakDay),
        troughAt: drawdown.troughDay === null ? null : new Date(drawdown.troughDay),
        days: drawdown.days,
      }
    );
  },
};
