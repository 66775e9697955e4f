import { parseId } from '@mib/subgraph-kit';
import { listInstruments } from '../data/listInstruments.js';
import type { QueryResolvers } from './types.generated.js';

export const Query: QueryResolvers = {
  instrument: (_parent, { id }, { instrumentById }) => instrumentById.load(parseId(id)),
  instrumentBySymbol: (_parent, { symbol }, { instrumentBySymbol }) => instrumentBySymbol.load(symbol),
  instruments: (_parent, args, { prisma }) => listInstruments(prisma, args),
};
