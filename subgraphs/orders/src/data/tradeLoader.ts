import DataLoader from 'dataloader';
import type { PrismaClient, Trade } from '@mib/db';

export type TradeLoader = DataLoader<string, Trade | null>;

/** Batches trade lookups (entity references from the gateway) into one query per request. */
export function createTradeLoader(prisma: PrismaClient): TradeLoader {
  return new DataLoader(async (ids) => {
    const trades = await prisma.trade.findMany({ where: { id: { in: [...ids] } } });
    const byId = new Map(trades.map((trade) => [trade.id, trade]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}
