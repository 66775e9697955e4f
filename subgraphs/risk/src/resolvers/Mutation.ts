import { requireIdentity } from '@mib/auth';
import { parseId } from '@mib/subgraph-kit';
import { acknowledgeAlert } from '../alerts/acknowledgeAlert.js';
import { setRiskLimits } from '../limits/setRiskLimits.js';
import type { MutationResolvers } from './types.generated.js';

export const Mutation: MutationResolvers = {
  // `@requiresScopes(admin)` in the schema: only admins reach this.
  setRiskLimits: (_parent, { input: { userId, ...limits } }, context) => {
    requireIdentity(context.identity);
    const engine = context.runtime.trading?.engine;
    if (!engine) throw new Error('the risk subgraph runs without the engine: limits cannot be pushed');
    return setRiskLimits({ prisma: context.prisma, engine }, parseId(userId, 'userId'), limits);
  },
  acknowledgeRiskAlert: (_parent, { id }, { prisma, identity }) =>
    acknowledgeAlert(prisma, requireIdentity(identity), parseId(id)),
};
