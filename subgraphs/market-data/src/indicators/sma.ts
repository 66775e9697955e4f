import { requirePeriod } from './parameters.js';
import { warmUp, type IndicatorSeries } from './series.js';

/**
 * Simple moving average: the arithmetic mean of the last `period` values,
 * SMAᵢ = (xᵢ₋ₙ₊₁ + … + xᵢ) / n (StockCharts ChartSchool, "Moving Averages – Simple and Exponential").
 *
 * Defined from bar `period − 1` on; the bars before it are `null`.
 * @throws RangeError when `period` is not a positive integer.
 */
export function sma(values: readonly number[], period: number): IndicatorSeries {
  requirePeriod('SMA period', period);
  const result = warmUp(values.length);
  // Invariant: after adding values[i], windowSum is the sum of values[i − period + 1 .. i]
  // (or of values[0 .. i] while the window is still filling).
  let windowSum = 0;
  values.forEach((value, i) => {
    windowSum += value;
    if (i >= period) windowSum -= values[i - period] ?? 0;
    if (i >= period - 1) result[i] = windowSum / period;
  });
  return result;
}
