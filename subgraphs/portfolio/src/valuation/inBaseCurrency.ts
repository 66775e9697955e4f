import { ratesToConvert, type CurrencyAmount, type FxRatesLoader } from '@mib/subgraph-kit';
import type { ExactDecimal } from '../positions/applyFill.js';
import { MONEY_SCALE } from '../positions/applyFill.js';

/**
 * Amounts in several currencies as one amount in `baseCurrency`, converted at the latest FX
 * rates (read only when some amount needs them) and then rounded to the money scale; exact when
 * all were in the base currency already. Null for null amounts, or when a currency has no rate to
 * the base.
 */
export async function inBaseCurrency(
  amounts: readonly CurrencyAmount[] | null,
  baseCurrency: string,
  rates: FxRatesLoader,
): Promise<ExactDecimal | null> {
  if (!amounts) return null;
  const currencies = amounts.map(({ currency }) => currency);
  const converting = await ratesToConvert(currencies, baseCurrency, () => rates.load());
  return converting.total(amounts, baseCurrency, MONEY_SCALE);
}
