import { Prisma, type PrismaClient } from '@mib/db';
import { markPriceOf } from './markPrice.js';

/**
 * Wide enough that a rate and its inverse or cross keep every digit a NUMERIC(20,8) price has;
 * amounts converted with it are rounded once, by the caller, to the scale they are shown at.
 */
const RateDecimal = Prisma.Decimal.clone({ precision: 40, rounding: Prisma.Decimal.ROUND_HALF_EVEN });

/** Crosses go through the currency most pairs are quoted against. */
const CROSS_CURRENCY = 'USD';

/** An FX pair's symbol: base and quote currency codes, optionally split by `/`, `-` or `_`. */
const PAIR_SYMBOL = /^([A-Z]{3})[/_-]?([A-Z]{3})$/;

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
    if (from === to) return new RateDecimal(1);
    const direct = this.directRate(from, to);
    if (direct) return direct;
    if (from === CROSS_CURRENCY || to === CROSS_CURRENCY) return null;
    const toCross = this.directRate(from, CROSS_CURRENCY);
    const fromCross = this.directRate(CROSS_CURRENCY, to);
    return toCross && fromCross ? toCross.times(fromCross) : null;
  }

  /**
   * Σ amount × rate into `to` over amounts in several currencies, rounded half to even to
   * `scale` places when any was converted (a sum already in `to` stays exact); null when a
   * currency with a non-zero amount has no rate, as a partial total would look complete.
   */
  total(amounts: readonly CurrencyAmount[], to: string, scale: number): Prisma.Decimal | null {
    let sum = new RateDecimal(0);
    let converted = false;
    for (const { currency, amount } of amounts) {
      // Nothing is nothing in any currency: no rate needed.
      if (new RateDecimal(amount).isZero()) continue;
      const rate = this.rate(currency, to);
      if (!rate) return null;
      converted ||= currency !== to;
      sum = sum.plus(rate.times(amount));
    }
    return converted ? sum.toDecimalPlaces(scale) : sum;
  }

  private directRate(from: string, to: string): Prisma.Decimal | null {
    const price = this.prices.get(from + to);
    if (price) return new RateDecimal(price);
    const inverse = this.prices.get(to + from);
    return inverse ? new RateDecimal(1).dividedBy(inverse) : null;
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
