import { FxRates, type CurrencyAmount, type FxRatesLoader } from '@mib/subgraph-kit';
import type { ExactDecimal } from '../positions/applyFill.js';
import { MONEY_SCALE } from '../positions/applyFill.js';

/** For sums already in the base currency: no rate is needed, so none is read. */
const NO_RATES = new FxRates([]);

/**
 * Amounts in several currencies as one amount in `baseCurrency`, converted at the latest FX
 * rates and then rounded to the money scale; exact when all were in the base currency already.
 * Null for null amounts, or when a currency has no rate to the base.
 */
export async function inBaseCurrency(
  amounts: readonly CurrencyAmount[] | null,
  baseCurrency: string,
  rates: FxRatesLoader,
): Promise<ExactDecimal | null> {
  if (!amounts) return null;
  const converting = amounts.some(({ currency }) => currency !== baseCurrency);
  return (converting ? await rates.load() : NO_RATES).total(amounts, baseCurrency, MONEY_SCALE);
}
