import { requirePeriod } from './parameters.js';
import { warmUp, type Candle, type IndicatorSeries } from './series.js';

/** The fields of a candle that the true range reads. */
export type PriceRange = Pick<Candle, 'high' | 'low' | 'close'>;

/**
 * True range (Wilder, 1978): max(high − low, |high − previous close|, |low − previous close|).
 * The first bar has no previous close, so its true range is high − low (StockCharts ChartSchool,
 * "Average True Range (ATR)"). Defined on every bar.
 */
export function trueRange(candles: readonly PriceRange[]): number[] {
  return candles.map((candle, i) => {
    const range = candle.high - candle.low;
    const previous = candles[i - 1];
    if (previous === undefined) return range;
    return Math.max(range, Math.abs(candle.high - previous.close), Math.abs(candle.low - previous.close));
  });
}

/**
 * Average True Range with Wilder smoothing (J. Welles Wilder, "New Concepts in Technical Trading
 * Systems", 1978; StockCharts ChartSchool, "Average True Range (ATR)"): the first ATR, at bar
 * `period − 1`, is the simple mean of the first n true ranges; then
 * ATRᵢ = (ATRᵢ₋₁ · (n − 1) + TRᵢ) / n. Earlier bars are `null`.
 * @throws RangeError when `period` is not a positive integer.
 */
export function atr(candles: readonly PriceRange[], period = 14): IndicatorSeries {
  requirePeriod('ATR period', period);
  const result = warmUp(candles.length);
  if (candles.length < period) return result;
  const ranges = trueRange(candles);
  let average = ranges.slice(0, period).reduce((sum, range) => sum + range, 0) / period;
  result[period - 1] = average;
  for (let i = period; i < ranges.length; i++) {
    average = (average * (period - 1) + (ranges[i] ?? 0)) / period;
    result[i] = average;
  }
  return result;
}
