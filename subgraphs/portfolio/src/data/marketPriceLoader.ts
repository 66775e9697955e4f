import DataLoader from 'dataloader';
import type { Prisma } from '@mib/db';
import { type PrismaClient } from '@mib/db';

export type MarketPriceLoader = DataLoader<string, Prisma.Decimal | null>;

/**
 * The price a position is marked at: the instrument's last trade in `market.quotes` (owned by
 * market-data, read here read-only), else the mid of bid and ask when both sides are quoted,
 * else none. Keep in step with `MARKET_PRICE_SQL` in unrealizedPnlLoader.ts.
 */
export function createMarketPriceLoader(prisma: PrismaClient): MarketPriceLoader {
  return new DataLoader(async (instrumentIds) => {
    const quotes = await prisma.quote.findMany({ where: { instrumentId: { in: [...instrumentIds] } } });
    const byInstrument = new Map(quotes.map((quote) => [quote.instrumentId, marketPriceOf(quote)]));
    return instrumentIds.map((id) => byInstrument.get(id) ?? null);
  });
}

function marketPriceOf(quote: {
  last: Prisma.Decimal | null;
  bid: Prisma.Decimal | null;
  ask: Prisma.Decimal | null;
}): Prisma.Decimal | null {
  if (quote.last) return quote.last;
  if (quote.bid && quote.ask) return quote.bid.plus(quote.ask).dividedBy(2);
  return null;
}
