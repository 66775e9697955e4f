import { notFound } from '@mib/errors';
import { parseId } from '@mib/subgraph-kit';
import type { MutationResolvers } from './types.generated.js';

export const Mutation: MutationResolvers = {
  // `@requiresScopes(admin)` in the schema: only admins reach this.
  setInstrumentTrading: async (_parent, { id, active }, { prisma }) => {
    const instrumentId = parseId(id);
    const { count } = await prisma.instrument.updateMany({ where: { id: instrumentId }, data: { active } });
    if (count === 0) throw notFound('Instrument', instrumentId);
    return prisma.instrument.findUniqueOrThrow({ where: { id: instrumentId } });
  },
};
