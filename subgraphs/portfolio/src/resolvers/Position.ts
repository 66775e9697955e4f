import { Prisma } from '@mib/db';
import { parseId } from '@mib/subgraph-kit';
import { loadOwningPortfolio } from '../data/loadOwningPortfolio.js';
import type { PositionResolvers } from './types.generated.js';

/**
 * Wide enough for the exact product of two NUMERIC(20,8) values (at most 40 significant
 * digits); Prisma's Decimal keeps 20 and would round the cost basis of a large position.
 */
const ExactDecimal = Prisma.Decimal.clone({ precision: 40 });

export const Position: PositionResolvers = {
  __resolveReference: ({ id }, { positionById }) => positionById.load(parseId(id)),
  portfolio: ({ id, portfolioId }, _args, { portfolioById }) => loadOwningPortfolio(portfolioById, id, portfolioId),
  // Instruments live in the market-data subgraph: the key is all this subgraph knows.
  instrument: ({ instrumentId }) => ({ id: instrumentId }),
  costBasis: ({ quantity, averageCost }) => new ExactDecimal(quantity).times(averageCost),
};
