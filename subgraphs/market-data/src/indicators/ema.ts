import { requirePeriod } from './parameters.js';
import { warmUp, type IndicatorSeries } from './series.js';

/**
 * Exponential moving average with the smoothing constant α = 2 / (n + 1):
 * EMAᵢ = α·xᵢ + (1 − α)·EMAᵢ₋₁.
 *
 * Seeding: the first EMA, at bar `period − 1`, is the simple mean of the first `period` values,
 * as StockCharts ChartSchool ("Moving Averages – Simple and Exponential") and Appel's MACD
 * spreadsheets do. Seeding with the first value instead (pandas `ewm(adjust=false)`, TradingView's
 * `ta.ema`) gives different numbers for the first few dozen bars. Bars before the seed are `null`.
 * @throws RangeError when `period` is not a positive integer.
 */
export function ema(values: readonly number[], period: number): IndicatorSeries {
  requirePeriod('EMA period', period);
  const result = warmUp(values.length);
  if (values.length < period) return result;
  const alpha = 2 / (period + 1);
  let seedSum = 0;
  for (let i = 0; i < period; i++) seedSum += values[i] ?? 0;
  let previous = seedSum / period;
  result[period - 1] = previous;
  for (let i = period; i < values.length; i++) {
    previous = alpha * (values[i] ?? 0) + (1 - alpha) * previous;
    result[i] = previous;
  }
  return result;
}
