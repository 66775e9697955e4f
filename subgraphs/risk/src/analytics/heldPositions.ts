import type { Decimal, PrismaClient } from '@mib/db';
import { markPriceOf, type InstrumentCatalog } from '@mib/subgraph-kit';
import { fxRatesFor, reportingRateOf, type ReportingRate } from './reportingCurrency.js';

/** An open net position with the price it is marked at and what that price is worth in USD. */
export interface HeldPosition extends ReportingRate {
  readonly symbol: string;
  /** Null when the symbol is not in the instrument catalogue (no quotes or candles then). */
  readonly instrumentId: string | null;
  /** Signed: negative for a short. */
  readonly quantity: Decimal;
  /**
   * In `currency`: the latest quote's last trade, else its bid/ask mid, else the last trade the
   * monitor applied.
   */
  readonly price: Decimal;
}

/**
 * The account's open positions from the risk monitor's `risk.net_positions`, marked at the latest
 * quote in `market.quotes` (read-only, owned by market-data), with their instrument's currency
 * and its USD rate at the latest FX quotes, in symbol order.
 */
export async function loadHeldPositions(
  prisma: PrismaClient,
  catalog: InstrumentCatalog,
  userId: string,
): Promise<HeldPosition[]> {
  const positions = await prisma.netPosition.findMany({
    where: { userId, NOT: { quantity: 0 } },
    orderBy: { symbol: 'asc' },
  });
  const instruments = await catalog.bySymbolNames(positions.map((position) => position.symbol));
  const instrumentIds = instruments.flatMap((instrument) => (instrument ? [instrument.id] : []));
  const quotes = await prisma.quote.findMany({ where: { instrumentId: { in: instrumentIds } } });
  const quoteOf = new Map(quotes.map((quote) => [quote.instrumentId, quote]));
  const rates = await fxRatesFor(
    prisma,
    instruments.map((instrument) => instrument?.currency ?? null),
  );
  return positions.map((position, index) => {
    const instrument = instruments[index] ?? null;
    return {
      symbol: position.symbol,
      instrumentId: instrument?.id ?? null,
      ...reportingRateOf(rates, instrument?.currency ?? null),
      quantity: position.quantity,
      price: markPriceOf(instrument && quoteOf.get(instrument.id)) ?? position.lastPrice,
    };
  });
}

/** Daily closes per instrument (D1 candles of `market.candles`), oldest first, the last `count`. */
export async function loadDailyCloses(
  prisma: PrismaClient,
  instrumentIds: readonly string[],
  count: number,
): Promise<Map<string, DailyClose[]>> {
  const candles = await prisma.$queryRaw<{ instrumentId: string; openTime: Date; close: Decimal }[]>`
    SELECT instrument_id::text AS "instrumentId", open_time AS "openTime", close FROM (
      SELECT instrument_id, open_time, close,
             row_number() OVER (PARTITION BY instrument_id ORDER BY open_time DESC) AS age
      FROM market.candles
      WHERE interval = 'D1' AND instrument_id::text = ANY(${[...instrumentIds]})
    ) AS recent
    WHERE age <= ${count}
    ORDER BY open_time`;
  const closes = new Map<string, DailyClose[]>();
  for (const candle of candles) {
    const series = closes.get(candle.instrumentId) ?? [];
    series.push({ day: candle.openTime.getTime(), close: Number(candle.close) });
    closes.set(candle.instrumentId, series);
  }
  return closes;
}

/** One day's close; floating point, as the analytics over it are estimates. */
export interface DailyClose {
  /** The candle's open time (ms since the epoch): the same key for every instrument that day. */
  readonly day: number;
  readonly close: number;
}
