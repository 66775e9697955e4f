import { requireOwner } from '@mib/auth';
import { parseId } from '@mib/subgraph-kit';
import { loadOwningPortfolio } from '../data/loadOwningPortfolio.js';
import { ExactDecimal } from '../positions/applyFill.js';
import type { PositionResolvers } from './types.generated.js';

export const Position: PositionResolvers = {
  // Seen by whoever may see its portfolio: its owner or an admin.
  __resolveReference: async ({ id }, { positionById, portfolioById, identity }) => {
    const position = await positionById.load(parseId(id));
    if (position) {
      const portfolio = await loadOwningPortfolio(portfolioById, position.id, position.portfolioId);
      requireOwner(identity, portfolio.userId);
    }
    return position;
  },
  portfolio: ({ id, portfolioId }, _args, { portfolioById }) =>
    loadOwningPortfolio(portfolioById, id, portfolioId),
  // Instruments live in the market-data subgraph: the key is all this subgraph knows.
  instrument: ({ instrumentId }) => ({ id: instrumentId }),
  currency: async ({ instrumentId }, _args, { instrumentById }) => {
    const instrument = await instrumentById.load(instrumentId);
    // Instruments are never deleted, so a position's is always in the catalogue.
    if (!instrument) throw new Error(`instrument ${instrumentId} of a position is not in the catalogue`);
    return instrument.currency;
  },
  // Exact: a product of two NUMERIC(20,8) values needs up to 40 significant digits.
  costBasis: ({ quantity, averageCost }) => new ExactDecimal(quantity).times(averageCost),
  marketPrice: ({ instrumentId }, _args, { marketPriceOfInstrument }) =>
    marketPriceOfInstrument.load(instrumentId),
  marketValue: async ({ quantity, instrumentId }, _args, { marketPriceOfInstrument }) => {
    if (quantity.isZero()) return new ExactDecimal(0);
    const price = await marketPriceOfInstrument.load(instrumentId);
    return price && new ExactDecimal(quantity).times(price);
  },
  unrealizedPnl: async ({ quantity, averageCost, instrumentId }, _args, { marketPriceOfInstrument }) => {
    if (quantity.isZero()) return new ExactDecimal(0);
    const price = await marketPriceOfInstrument.load(instrumentId);
    return price && new ExactDecimal(price).minus(averageCost).times(quantity);
  },
};
