import { parseId } from '@mib/subgraph-kit';
import { loadIndicatorWindow } from '../data/indicatorWindow.js';
import { listCandles } from '../data/listCandles.js';
import { tapeConnection } from '../data/tradeTape.js';
import type { InstrumentResolvers } from './types.generated.js';

export const Instrument: InstrumentResolvers = {
  // The gateway may reference an instrument by id (orders, positions) or by symbol. A malformed
  // id is bad input, checked before batching: in the batch's one query it would fail them all.
  // Async, so the check fails only its own entity of `_entities`, not the whole list.
  __resolveReference: async (reference, { instrumentById, instrumentBySymbol }) =>
    'id' in reference && typeof reference.id === 'string'
      ? instrumentById.load(parseId(reference.id))
      : instrumentBySymbol.load((reference as { symbol: string }).symbol),
  quote: (instrument, _args, { quoteByInstrumentId }) => quoteByInstrumentId.load(instrument.id),
  candles: (instrument, args, { prisma }) => listCandles(prisma, instrument.id, args),
  indicators: (instrument, args, { prisma }) => loadIndicatorWindow(prisma, instrument.id, args),
  trades: (instrument, args, { tradeTape }) => tapeConnection(tradeTape, instrument.id, args),
};
