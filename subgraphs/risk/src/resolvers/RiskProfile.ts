import { parseId } from '@mib/subgraph-kit';
import { listAlerts } from '../data/listAlerts.js';
import type { RiskProfileResolvers } from './types.generated.js';

export const RiskProfile: RiskProfileResolvers = {
  // The gateway sends many representations at once; the loader turns them into one query.
  __resolveReference: ({ id }, { riskProfileById }) => riskProfileById.load(parseId(id)),
  // Users live in the users subgraph: hand back the key, the gateway does the rest.
  user: ({ userId }) => ({ id: userId }),
  alerts: ({ id }, args, { prisma }) => listAlerts(prisma, id, args),
};
