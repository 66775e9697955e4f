import DataLoader from 'dataloader';
import type { Prisma, PrismaClient } from '@mib/db';
import { markPriceOf } from '@mib/subgraph-kit';

export type MarketPriceLoader = DataLoader<string, Prisma.Decimal | null>;

/**
 * The price a position is marked at (`markPriceOf`: the last trade, else the bid/ask mid) from
 * `market.quotes`, owned by market-data and read here read-only. Keep in step with
 * `MARKET_PRICE_SQL` in positionTotalsLoader.ts.
 */
export function createMarketPriceLoader(prisma: PrismaClient): MarketPriceLoader {
  return new DataLoader(async (instrumentIds) => {
    const quotes = await prisma.quote.findMany({ where: { instrumentId: { in: [...instrumentIds] } } });
    const byInstrument = new Map(quotes.map((quote) => [quote.instrumentId, markPriceOf(quote)]));
    return instrumentIds.map((id) => byInstrument.get(id) ?? null);
  });
}
