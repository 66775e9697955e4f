import { parseId } from '@mib/subgraph-kit';
import { requireLive } from '../context.js';
import { listInstruments } from '../data/listInstruments.js';
import { checkBookDepth, loadOrderBook } from '../data/orderBook.js';
import type { QueryResolvers } from './types.generated.js';

export const Query: QueryResolvers = {
  instrument: (_parent, { id }, { instrumentById }) => instrumentById.load(parseId(id)),
  instrumentBySymbol: (_parent, { symbol }, { instrumentBySymbol }) => instrumentBySymbol.load(symbol),
  instruments: (_parent, args, { prisma }) => listInstruments(prisma, args),
  orderBook: async (_parent, { symbol, depth }, context) => {
    const levels = checkBookDepth(depth);
    const { engine } = requireLive(context);
    const instrument = await context.instrumentBySymbol.load(symbol);
    return instrument && loadOrderBook(engine, instrument, levels);
  },
};
