import { requireIdentity } from '@mib/auth';
import { setRiskLimits } from '../limits/setRiskLimits.js';
import type { MutationResolvers } from './types.generated.js';

export const Mutation: MutationResolvers = {
  setRiskLimits: (_parent, { input }, context) => {
    const { userId } = requireIdentity(context.identity);
    const engine = context.runtime.trading?.engine;
    if (!engine) throw new Error('the risk subgraph runs without the engine: limits cannot be pushed');
    return setRiskLimits({ prisma: context.prisma, engine }, userId, input);
  },
};
