import { mayAccess } from '@mib/auth';
import { parseId } from '@mib/subgraph-kit';
import { loadTradedOrder } from '../data/loadTradedOrder.js';
import type { OrdersContext } from '../context.js';
import type { TradeResolvers } from './types.generated.js';

/** One side of a trade, if the caller may see it: the counterparty's order is theirs alone. */
const visibleOrder = async ({ orderById, identity }: OrdersContext, tradeId: string, orderId: string) => {
  const order = await loadTradedOrder(orderById, tradeId, orderId);
  return mayAccess(identity, order.userId) ? order : null;
};

export const Trade: TradeResolvers = {
  __resolveReference: ({ id }, { tradeById }) => tradeById.load(parseId(id)),
  instrument: ({ instrumentId }, _args, { instrumentOf }) => instrumentOf.load(instrumentId),
  buyOrder: ({ id, buyOrderId }, _args, context) => visibleOrder(context, id, buyOrderId),
  sellOrder: ({ id, sellOrderId }, _args, context) => visibleOrder(context, id, sellOrderId),
};
