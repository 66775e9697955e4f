import { requireIdentity } from '@mib/auth';
import { cancelAllOrders } from '../commands/cancelAllOrders.js';
import { amendOrder, cancelOrder } from '../commands/changeOrder.js';
import { placeOrder } from '../commands/placeOrder.js';
import type { OrdersContext } from '../context.js';
import type { MutationResolvers } from './types.generated.js';

/** The engine and the caller, or an error saying which is missing. */
function tradingFor(context: OrdersContext) {
  const caller = requireIdentity(context.identity);
  const trading = context.runtime.trading;
  if (!trading) throw new Error('the orders subgraph runs without the engine: trading is off');
  return {
    caller,
    userId: caller.userId,
    services: {
      prisma: context.prisma,
      engine: trading.engine,
      catalog: context.runtime.catalog,
      logger: trading.logger,
    },
  };
}

export const Mutation: MutationResolvers = {
  placeOrder: (_parent, { input }, context) => {
    const { userId, services } = tradingFor(context);
    return placeOrder(services, userId, input);
  },
  cancelOrder: (_parent, { id }, context) => {
    const { userId, services } = tradingFor(context);
    return cancelOrder(services, userId, id);
  },
  amendOrder: (_parent, { input }, context) => {
    const { userId, services } = tradingFor(context);
    return amendOrder(services, userId, input);
  },
  cancelAllOrders: (_parent, { instrumentId, userId }, context) => {
    const { caller, services } = tradingFor(context);
    return cancelAllOrders(services, caller, { userId, instrumentId });
  },
};
