import { requirePeriod } from './parameters.js';
import { warmUp, type IndicatorSeries } from './series.js';

/**
 * Relative Strength Index with Wilder smoothing (J. Welles Wilder, "New Concepts in Technical
 * Trading Systems", 1978; StockCharts ChartSchool, "Relative Strength Index (RSI)"):
 *
 * - change = closeᵢ − closeᵢ₋₁, split into a gain (change > 0) and a loss (−change > 0);
 * - the first average gain / loss is the simple mean of the first n gains / losses;
 * - then avg = (previous avg · (n − 1) + current) / n;
 * - RSI = 100 − 100 / (1 + avgGain / avgLoss).
 *
 * The first RSI needs n changes, so it sits at bar `period`; bars 0 … period − 1 are `null`.
 * With no losses the RSI is 100 (RS is infinite); with neither gains nor losses (a flat market)
 * RS is 0/0 and we return the neutral 50 rather than NaN.
 * @throws RangeError when `period` is not a positive integer.
 */
export function rsi(closes: readonly number[], period = 14): IndicatorSeries {
  requirePeriod('RSI period', period);
  const result = warmUp(closes.length);
  if (closes.length <= period) return result;
  let gainSum = 0;
  let lossSum = 0;
  for (let i = 1; i <= period; i++) {
    const change = (closes[i] ?? 0) - (closes[i - 1] ?? 0);
    gainSum += Math.max(change, 0);
    lossSum += Math.max(-change, 0);
  }
  let averageGain = gainSum / period;
  let averageLoss = lossSum / period;
  result[period] = relativeStrengthIndex(averageGain, averageLoss);
  for (let i = period + 1; i < closes.length; i++) {
    const change = (closes[i] ?? 0) - (closes[i - 1] ?? 0);
    averageGain = (averageGain * (period - 1) + Math.max(change, 0)) / period;
    averageLoss = (averageLoss * (period - 1) + Math.max(-change, 0)) / period;
    result[i] = relativeStrengthIndex(averageGain, averageLoss);
  }
  return result;
}

function relativeStrengthIndex(averageGain: number, averageLoss: number): number {
  if (averageLoss === 0) return averageGain === 0 ? 50 : 100;
  return 100 - 100 / (1 + averageGain / averageLoss);
}
