import type { Decimal, PrismaClient } from '@mib/db';
import { loadFxRates, ratesToConvert, type FxRates, type InstrumentCatalog } from '@mib/subgraph-kit';

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
  /** The FX rates `usdRate` is read from, which `inUsd` converts with exactly. */
  readonly rates: FxRates;
}

/** The latest FX rates (`loadFxRates`), read only when some of `currencies` is not USD. */
export async function fxRatesFor(
  prisma: PrismaClient,
  currencies: readonly (string | null)[],
): Promise<FxRates> {
  return ratesToConvert(currencies, REPORTING_CURRENCY, () => loadFxRates(prisma));
}

/** `currency` (null: unknown) and its USD rate in `rates`; none when no quote links it to USD. */
export function reportingRateOf(rates: FxRates, currency: string | null): ReportingRate {
  return { currency, usdRate: currency === null ? null : rates.rate(currency, REPORTING_CURRENCY), rates };
}

/** The currency of `symbol`'s instrument and its USD rate now. */
export async function reportingRateOfSymbol(
  prisma: PrismaClient,
  catalog: InstrumentCatalog,
  symbol: string,
): Promise<ReportingRate> {
  const currency = (await catalog.bySymbolName(symbol))?.currency ?? null;
  return reportingRateOf(await fxRatesFor(prisma, [currency]), currency);
}

/**
 * `amount`, in `currency`, in USD: unchanged when it is USD already, else converted exactly and
 * rounded half to even to 4 places once (`FxRates.total`); null without a rate.
 */
export function inUsd(amount: Decimal, { currency, usdRate, rates }: ReportingRate): Decimal | null {
  if (!usdRate || currency === null) return null;
  return rates.total([{ currency, amount }], REPORTING_CURRENCY, REPORTING_SCALE);
}
