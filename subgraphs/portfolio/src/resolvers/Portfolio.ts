import { requireOwner } from '@mib/auth';
import { pageQuery, parseId, toConnection } from '@mib/subgraph-kit';
import { inBaseCurrency } from '../valuation/inBaseCurrency.js';
import type { PortfolioResolvers } from './types.generated.js';

export const Portfolio: PortfolioResolvers = {
  // The gateway sends many representations at once; the loader turns them into one query.
  // A representation is any id a caller sends to `_entities`: the owner check of `Query.portfolio`.
  __resolveReference: async ({ id }, { portfolioById, identity }) => {
    const portfolio = await portfolioById.load(parseId(id));
    if (portfolio) requireOwner(identity, portfolio.userId);
    return portfolio;
  },
  // Users live in the users subgraph: hand back the key, the gateway does the rest.
  user: ({ userId }) => ({ id: userId }),
  cash: async ({ id, baseCurrency }, _args, { cashBalancesOfPortfolio, fxRates }) =>
    inBaseCurrency(await cashBalancesOfPortfolio.load(id), baseCurrency, fxRates),
  cashBalances: async ({ id, baseCurrency }, _args, { cashBalancesOfPortfolio }) => {
    // Loaded by currency code; the base currency leads.
    const balances = await cashBalancesOfPortfolio.load(id);
    return [
      ...balances.filter(({ currency }) => currency === baseCurrency),
      ...balances.filter(({ currency }) => currency !== baseCurrency),
    ];
  },
  realizedPnl: async ({ id, baseCurrency }, _args, { positionTotalsOfPortfolio, fxRates }) =>
    inBaseCurrency((await positionTotalsOfPortfolio.load(id)).realizedPnl, baseCurrency, fxRates),
  unrealizedPnl: async ({ id, baseCurrency }, _args, { positionTotalsOfPortfolio, fxRates }) =>
    inBaseCurrency((await positionTotalsOfPortfolio.load(id)).unrealizedPnl, baseCurrency, fxRates),
  equity: async (
    { id, baseCurrency },
    _args,
    { cashBalancesOfPortfolio, positionTotalsOfPortfolio, fxRates },
  ) => {
    const [cash, { marketValue }] = await Promise.all([
      cashBalancesOfPortfolio.load(id),
      positionTotalsOfPortfolio.load(id),
    ]);
    // One conversion of both, so the sum is rounded once.
    return inBaseCurrency(marketValue && [...cash, ...marketValue], baseCurrency, fxRates);
  },
  // Arguments are checked here, before batching, so one bad request fails alone.
  positions: async ({ id }, args, { positionsOfPortfolio }) => {
    const page = pageQuery(args);
    return toConnection(await positionsOfPortfolio.load({ parentId: id, filter: null, page }), page);
  },
};
