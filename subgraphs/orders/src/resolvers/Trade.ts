import { mayAccess, requireOwner } from '@mib/auth';
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
  // A trade by reference is seen by either side (or an admin), like the trades of one's orders.
  __resolveReference: async ({ id }, { tradeById, orderById, identity }) => {
    const trade = await tradeById.load(parseId(id));
    if (trade) {
      const [buy, sell] = await Promise.all([
        loadTradedOrder(orderById, trade.id, trade.buyOrderId),
        loadTradedOrder(orderById, trade.id, trade.sellOrderId),
      ]);
      if (!mayAccess(identity, sell.userId)) requireOwner(identity, buy.userId);
    }
    return trade;
  },
  instrument: ({ instrumentId }, _args, { instrumentOf }) => instrumentOf.load(instrumentId),
  buyOrder: ({ id, buyOrderId }, _args, context) => visibleOrder(context, id, buyOrderId),
  sellOrder: ({ id, sellOrderId }, _args, context) => visibleOrder(context, id, sellOrderId),
};
