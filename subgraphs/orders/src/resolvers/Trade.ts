import { parseId } from '@mib/subgraph-kit';
import { loadTradedOrder } from '../data/loadTradedOrder.js';
import type { TradeResolvers } from './types.generated.js';

export const Trade: TradeResolvers = {
  __resolveReference: ({ id }, { tradeById }) => tradeById.load(parseId(id)),
  instrument: ({ instrumentId }) => ({ id: instrumentId }),
  buyOrder: ({ id, buyOrderId }, _args, { orderById }) => loadTradedOrder(orderById, id, buyOrderId),
  sellOrder: ({ id, sellOrderId }, _args, { orderById }) => loadTradedOrder(orderById, id, sellOrderId),
};
