import { notFound } from '@mib/errors';
import { parseId } from '@mib/subgraph-kit';
import type { MutationResolvers } from './types.generated.js';

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
};
