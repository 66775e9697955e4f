import { mayAccess, requireOwner } from '@mib/auth';
import type { Trade as TradeModel } from '@mib/db';
import { parseId } from '@mib/subgraph-kit';
import { loadTradedOrder } from '../data/loadTradedOrder.js';
import type { UserTrade } from '../data/userTradesLoader.js';
import type { OrdersContext } from '../context.js';
import type { TradeResolvers } from './types.generated.js';

/**
 * One side of a trade, if the caller may see it: the counterparty's order is theirs alone. A
 * stored trade's orders exist (a foreign key); a live one's may not be recorded yet if the read
 * model lags (see `LiveOrders`): then null, not an error.
 */
const visibleOrder = async ({ orderById, identity }: OrdersContext, orderId: string) => {
  const order = await orderById.load(orderId);
  return order && mayAccess(identity, order.userId) ? order : null;
};

/** Whether `User.trades` listed this trade, so that it names the user it was listed for. */
const isListedForUser = (trade: TradeModel): trade is UserTrade => 'userId' in trade;

/**
 * The side of a trade's user: the user it was listed for under `User.trades` (whoever reads it,
 * so an admin sees a trader's fills as the trader does), elsewhere the caller. A self-trade (both
 * orders that user's) has none: it bought and sold the same quantity, so it adds nothing to a net
 * fill summed from BUY and SELL trades.
 */
const sideOf = ({ identity }: OrdersContext, trade: TradeModel) => {
  const userId = isListedForUser(trade) ? trade.userId : identity?.userId;
  if (userId === undefined) return null;
  // The trade names both sides' users, so a live trade whose taker row is not written yet has one too.
  const bought = trade.buyerUserId === userId;
  const sold = trade.sellerUserId === userId;
  if (bought === sold) return null;
  return bought ? 'BUY' : 'SELL';
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
  buyOrder: ({ buyOrderId }, _args, context) => visibleOrder(context, buyOrderId),
  sellOrder: ({ sellOrderId }, _args, context) => visibleOrder(context, sellOrderId),
  side: (trade, _args, context) => sideOf(context, trade),
};
