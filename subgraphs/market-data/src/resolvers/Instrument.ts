import { loadIndicatorWindow } from '../data/indicatorWindow.js';
import { listCandles } from '../data/listCandles.js';
import type { InstrumentResolvers } from './types.generated.js';

export const Instrument: InstrumentResolvers = {
  // The gateway may reference an instrument by id (orders, positions) or by symbol.
  __resolveReference: (reference, { instrumentById, instrumentBySymbol }) =>
    'id' in reference && typeof reference.id === 'string'
      ? instrumentById.load(reference.id)
      : instrumentBySymbol.load((reference as { symbol: string }).symbol),
  quote: (instrument, _args, { quoteByInstrumentId }) => quoteByInstrumentId.load(instrument.id),
  candles: (instrument, args, { prisma }) => listCandles(prisma, instrument.id, args),
  indicators: (instrument, args, { prisma }) => loadIndicatorWindow(prisma, instrument.id, args),
};
