import type { CandleResolvers } from './types.generated.js';

export const Candle: CandleResolvers = {
  instrument: async (candle, _args, { instrumentById }) => {
    const instrument = await instrumentById.load(candle.instrumentId);
    // The foreign key (ON DELETE CASCADE) means a candle never outlives its instrument.
    if (!instrument) throw new Error(`instrument ${candle.instrumentId} of a candle is missing`);
    return instrument;
  },
};
