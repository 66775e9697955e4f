import DataLoader from 'dataloader';
import type { PrismaClient, Trade } from '@mib/db';

export type TradesByOrderLoader = DataLoader<string, Trade[]>;

/**
 * The fills of many orders in one query: a page of orders asking for `trades` costs one
 * statement, not one per order. A trade fills two orders, so it is listed under both sides.
 * Oldest first, in execution order.
 */
export function createTradesByOrderLoader(prisma: PrismaClient): TradesByOrderLoader {
  return new DataLoader(async (orderIds) => {
    const ids = [...orderIds];
    const trades = await prisma.trade.findMany({
      where: { OR: [{ buyOrderId: { in: ids } }, { sellOrderId: { in: ids } }] },
      // Fills of one command share a millisecond; the engine's trade ids (one shard per
      // instrument, increasing) keep them in execution order. Trades without one sort last.
      orderBy: [{ executedAt: 'asc' }, { engineTradeId: 'asc' }, { id: 'asc' }],
    });
    const byOrder = new Map<string, Trade[]>(ids.map((id) => [id, []]));
    for (const trade of trades) {
      byOrder.get(trade.buyOrderId)?.push(trade);
      if (trade.sellOrderId !== trade.buyOrderId) byOrder.get(trade.sellOrderId)?.push(trade);
    }
    return ids.map((id) => byOrder.get(id) ?? []);
  });
}
