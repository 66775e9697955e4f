import type { PriceAlertResolvers } from './types.generated.js';

export const PriceAlert: PriceAlertResolvers = {
  // Through the request's instrument loader (the process's catalogue): a page of alerts costs
  // no statement per alert. The foreign key's cascade means the instrument exists.
  instrument: async ({ instrumentId }, _args, { instrumentById }) => {
    const instrument = await instrumentById.load(instrumentId);
    if (!instrument) throw new Error(`instrument ${instrumentId} of a price alert is gone`);
    return instrument;
  },
};
