import { requireIdentity } from '@mib/auth';
import type { Portfolio } from '@mib/db';
import { forgetLoadedRows, type PortfolioContext } from '../context.js';
import type { SubscriptionResolvers } from './types.generated.js';

export const Subscription: SubscriptionResolvers = {
  myPortfolio: {
    subscribe: (_parent, _args, context) => {
      const { userId } = requireIdentity(context.identity);
      const live = context.runtime.live;
      if (!live) throw new Error('the portfolio subgraph runs without the event bus: live updates are off');
      return live.portfolioUpdates(userId);
    },
    resolve: (payload: { myPortfolio: Portfolio }, _args: unknown, context: PortfolioContext) => {
      forgetLoadedRows(context);
      return payload.myPortfolio;
    },
  },
};
