import { Prisma } from '@mib/db';

/**
 * Wide enough for the exact sum and mid of two NUMERIC(20,8) prices (21 significant digits, 9
 * decimals): Prisma's Decimal keeps 20 and would round the largest.
 */
const MidDecimal = Prisma.Decimal.clone({ precision: 40 });

/** The parts of a `market.quotes` row a price is marked from. */
export interface QuotePrices {
  readonly last: Prisma.Decimal | null;
  readonly bid: Prisma.Decimal | null;
  readonly ask: Prisma.Decimal | null;
}

/**
 * The price holdings are marked at: the last trade, else the mid of bid and ask when both sides
 * are quoted, else none. Portfolio valuation, risk and FX conversion all mark this way.
 */
export function markPriceOf(quote: QuotePrices | null | undefined): Prisma.Decimal | null {
  if (!quote) return null;
  if (quote.last) return quote.last;
  if (quote.bid && quote.ask) return new MidDecimal(quote.bid).plus(quote.ask).dividedBy(2);
  return null;
}
