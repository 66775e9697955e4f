import type { Decimal, PrismaClient } from '@mib/db';
import { FxRates, loadFxRates, type InstrumentCatalog } from '@mib/subgraph-kit';

/** Risk is reported in USD: the platform's reporting currency, the base currency of every portfolio. */
export const REPORTING_CURRENCY = 'USD';

/** Converted amounts keep the 4 decimal places money is kept with (cash, limits). */
const REPORTING_SCALE = 4;

/** What an amount in some instrument's currency needs to be stated in USD. */
export interface ReportingRate {
  /** The instrument's (quote) currency; null when the symbol is not in the instrument catalogue. */
  readonly currency: string | null;
  /** USD one unit of `currency` is worth at the latest FX quotes; null when none links it to USD. */
  readonly usdRate: Decimal | null;
}

/**
 * The USD rates of `currencies`, in order, at the latest FX quotes (`loadFxRates`, read only when
 * some currency is not USD); null for an unknown currency or one no quote links to USD.
 */
export async function usdRatesOf(
  prisma: PrismaClient,
  currencies: readonly (string | null)[],
): Promise<(Decimal | null)[]> {
  const converts = currencies.some((currency) => currency !== null && currency !== REPORTING_CURRENCY);
  const rates = converts ? await loadFxRates(prisma) : new FxRates([]);
  return currencies.map((currency) => (currency === null ? null : rates.rate(currency, REPORTING_CURRENCY)));
}

/** The currency of `symbol`'s instrument and its USD rate now. */
export async function reportingRateOfSymbol(
  prisma: PrismaClient,
  catalog: InstrumentCatalog,
  symbol: string,
): Promise<ReportingRate> {
  const currency = (await catalog.bySymbolName(symbol))?.currency ?? null;
  const [usdRate = null] = await usdRatesOf(prisma, [currency]);
  return { currency, usdRate };
}

/**
 * `amount`, in a currency worth `usdRate`, in USD: unchanged when it is USD already, else
 * rounded half to even to 4 places once, as `FxRates.total` rounds; null without a rate.
 */
export function inUsd(amount: Decimal, { currency, usdRate }: ReportingRate): Decimal | null {
  if (!usdRate) return null;
  return currency === REPORTING_CURRENCY ? amount : usdRate.times(amount).toDecimalPlaces(REPORTING_SCALE);
}
