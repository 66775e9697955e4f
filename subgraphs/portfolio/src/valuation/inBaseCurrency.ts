import { ratesToConvert, type CurrencyAmount, type FxRatesLoader } from '@mib/subgraph-kit';
import { ExactDecimal, MONEY_SCALE } from '../positions/applyFill.js';

/**
 * Amounts in several currencies as one amount in `baseCurrency`, converted at the latest FX
 * rates (read only when some amount needs them), summed exactly and then rounded once, half to
 * even, to the money scale of the cash and realized P&L columns. Always, not only after a
 * conversion: every portfolio total then has one scale, and the residue of the stored average
 * cost (kept to 8 places: up to 0.000000005 per unit held, below that scale for holdings under
 * 10,000 units) does not show as `-4.82000001` where the money moved was −4.82. Null for null
 * amounts, or when a currency has no rate to the base.
 */
export async function inBaseCurrency(
  amounts: readonly CurrencyAmount[] | null,
  baseCurrency: string,
  rates: FxRatesLoader,
): Promise<ExactDecimal | null> {
  if (!amounts) return null;
  const currencies = amounts.map(({ currency }) => currency);
  const converting = await ratesToConvert(currencies, baseCurrency, () => rates.load());
  // Exact when nothing was converted, already at the money scale when something was.
  const total = converting.total(amounts, baseCurrency, MONEY_SCALE);
  return total && total.toDecimalPlaces(MONEY_SCALE, ExactDecimal.ROUND_HALF_EVEN);
}
