import { Prisma, type PrismaClient } from '@mib/db';
import { markPriceOf } from './markPrice.js';

/**
 * A rate as one number (`FxRates.rate`): every digit of a price or of a cross of two, an inverse
 * rounded to 40 significant digits.
 */
const RateDecimal = Prisma.Decimal.clone({ precision: 40, rounding: Prisma.Decimal.ROUND_HALF_EVEN });

/**
 * Exact rates and totals: products of amounts and prices, each inverse in a total adding its
 * price's digits to the one denominator; far more currencies than a portfolio holds fit.
 */
const FractionDecimal = Prisma.Decimal.clone({ precision: 1000, rounding: Prisma.Decimal.ROUND_HALF_EVEN });
const ONE = new FractionDecimal(1);

/** Crosses go through the currency most pairs are quoted against. */
const CROSS_CURRENCY = 'USD';

/** An FX pair's symbol: base and quote currency codes, optionally split by `/`, `-` or `_`. */
const PAIR_SYMBOL = /^([A-Z]{3})[/_-]?([A-Z]{3})$/;

/**
 * A rate as the fraction `times / per` of prices, exact where its quotient has no end (a JPY is
 * 1 / 150.245 USD): an amount is converted by dividing once, not times a rounded inverse.
 */
interface ExactRate {
  readonly times: Prisma.Decimal;
  readonly per: Prisma.Decimal;
}

/** One FX instrument's latest price: units of `quote` per unit of `base`. */
export interface PairPrice {
  readonly base: string;
  readonly quote: string;
  readonly price: Prisma.Decimal;
}

/**
 * Exchange rates between currencies at the latest FX quotes. A rate comes from a pair quoted
 * directly (EURUSD for EUR → USD), inverted (USDJPY for JPY → USD) or crossed through USD
 * (EUR → JPY as EURUSD × USDJPY); null when no quote links the two currencies.
 */
export class FxRates {
  private readonly prices = new Map<string, Prisma.Decimal>();

  constructor(pairs: readonly PairPrice[]) {
    for (const { base, quote, price } of pairs)
      if (price.greaterThan(0)) this.prices.set(base + quote, price);
  }

  /** Units of `to` one unit of `from` is worth; exactly 1 for the same currency. */
  rate(from: string, to: string): Prisma.Decimal | null {
    const rate = this.exactRate(from, to);
    return rate && new RateDecimal(rate.times).dividedBy(rate.per);
  }

  /**
   * Σ amount × rate into `to` over amounts in several currencies, rounded half to even to
   * `scale` places when any was converted (a sum already in `to` stays exact); null when a
   * currency with a non-zero amount has no rate, as a partial total would look complete. The sum
   * is one exact fraction, divided once, so a total exactly half-way at `scale` rounds to even
   * though an inverse rate has no end (0.00030842 CHF is 0.00035 USD at USDCHF 0.8812).
   */
  total(amounts: readonly CurrencyAmount[], to: string, scale: number): Prisma.Decimal | null {
    let numerator = new FractionDecimal(0);
    let denominator = ONE;
    let converted = false;
    for (const { currency, amount } of amounts) {
      // Nothing is nothing in any currency: no rate needed.
      if (new FractionDecimal(amount).isZero()) continue;
      const rate = this.exactRate(currency, to);
      if (!rate) return null;
      converted ||= currency !== to;
      // numerator / denominator + amount × times / per, over the common denominator.
      numerator = numerator.times(rate.per).plus(denominator.times(rate.times).times(amount));
      denominator = denominator.times(rate.per);
    }
    const sum = numerator.dividedBy(denominator);
    return converted ? sum.toDecimalPlaces(scale) : sum;
  }

  private exactRate(from: string, to: string): ExactRate | null {
    if (from === to) return { times: ONE, per: ONE };
    const direct = this.directRate(from, to);
    if (direct) return direct;
    if (from === CROSS_CURRENCY || to === CROSS_CURRENCY) return null;
    const toCross = this.directRate(from, CROSS_CURRENCY);
    const fromCross = this.directRate(CROSS_CURRENCY, to);
    return toCross && fromCross
      ? { times: toCross.times.times(fromCross.times), per: toCross.per.times(fromCross.per) }
      : null;
  }

  private directRate(from: string, to: string): ExactRate | null {
    const price = this.prices.get(from + to);
    if (price) return { times: new FractionDecimal(price), per: ONE };
    const inverse = this.prices.get(to + from);
    return inverse ? { times: ONE, per: new FractionDecimal(inverse) } : null;
  }
}

/** An amount of money in one currency. */
export interface CurrencyAmount {
  readonly currency: string;
  readonly amount: Prisma.Decimal | string;
}

/**
 * The latest rates from `market.quotes` of the FX instruments in `market.instruments` (owned by
 * market-data, read here read-only), each at its mark price (`markPriceOf`). An FX instrument whose symbol is not a pair of its quote currency
 * (`EURUSD` quoted in USD) gives no rate.
 */
export async function loadFxRates(prisma: PrismaClient): Promise<FxRates> {
  const instruments = await prisma.instrument.findMany({
    where: { assetClass: 'FX', quote: { isNot: null } },
    select: { symbol: true, currency: true, quote: { select: { last: true, bid: true, ask: true } } },
  });
  const pairs: PairPrice[] = [];
  for (const { symbol, currency, quote } of instruments) {
    const [, base, quoted] = PAIR_SYMBOL.exec(symbol) ?? [];
    const price = markPriceOf(quote);
    if (base && quoted === currency && price) pairs.push({ base, quote: quoted, price });
  }
  return new FxRates(pairs);
}

/** Rates of no pair: all that amounts already in their target currency need. */
export const NO_FX_RATES = new FxRates([]);

/**
 * The rates that convert amounts in `currencies` (null: unknown, which no rate converts) into
 * `to`: `load`ed only when one of them is another known currency, so a sum wholly in its target
 * currency costs no query.
 */
export function ratesToConvert(
  currencies: readonly (string | null)[],
  to: string,
  load: () => Promise<FxRates>,
): Promise<FxRates> {
  return currencies.some((currency) => currency !== null && currency !== to)
    ? load()
    : Promise.resolve(NO_FX_RATES);
}

/** The rates read at most once per request (or per subscription event, after `clearAll`). */
export class FxRatesLoader {
  private loaded: Promise<FxRates> | null = null;

  constructor(private readonly prisma: PrismaClient) {}

  load(): Promise<FxRates> {
    this.loaded ??= loadFxRates(this.prisma);
    return this.loaded;
  }

  clearAll(): void {
    this.loaded = null;
  }
}
