import { requireIdentity } from '@mib/auth';
import type { OrdersContext } from '../context.js';
import type { SubscriptionResolvers } from './types.generated.js';

function liveOrdersOf(context: OrdersContext) {
  const liveOrders = context.runtime.trading?.liveOrders;
  if (!liveOrders) throw new Error('the orders subgraph runs without the event bus: live updates are off');
  return liveOrders;
}

export const Subscription: SubscriptionResolvers = {
  myOrderUpdates: {
    subscribe: (_parent, _args, context) =>
      liveOrdersOf(context).orderUpdates(requireIdentity(context.identity).userId),
  },
  myTrades: {
    subscribe: (_parent, _args, context) =>
      liveOrdersOf(context).trades(requireIdentity(context.identity).userId),
  },
};
