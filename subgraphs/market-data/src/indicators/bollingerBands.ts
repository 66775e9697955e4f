import { requirePeriod, requirePositive } from './parameters.js';
import { warmUp, type IndicatorSeries } from './series.js';

/** Parameters of the bands; defaults are Bollinger's 20 and 2. */
export interface BollingerBandsOptions {
  /** Number of bars in the moving window. Default 20. */
  readonly period?: number;
  /** Width of the bands in standard deviations. Default 2. */
  readonly k?: number;
}

/** The three bands, each aligned with the input closes and defined from bar `period − 1`. */
export interface BollingerBands {
  /** SMA(period) of the closes. */
  readonly middle: IndicatorSeries;
  /** middle + k · σ. */
  readonly upper: IndicatorSeries;
  /** middle − k · σ. */
  readonly lower: IndicatorSeries;
}

/**
 * Bollinger Bands (John Bollinger, "Bollinger on Bollinger Bands", 2001; StockCharts ChartSchool,
 * "Bollinger Bands"): middle = SMA(n), upper / lower = middle ± k·σ, where σ is the POPULATION
 * standard deviation of the same n closes (divide by n, not n − 1), as Bollinger specifies.
 *
 * σ is computed per window from the deviations around the window's mean (two passes), which
 * avoids the cancellation of the E[x²] − E[x]² shortcut on prices far from zero.
 * @throws RangeError when `period` is not a positive integer, `k` is not greater than 0, or `k` is
 * so large that a band overflows to ±Infinity.
 */
export function bollingerBands(
  closes: readonly number[],
  options: BollingerBandsOptions = {},
): BollingerBands {
  const { period = 20, k = 2 } = options;
  requirePeriod('Bollinger Bands period', period);
  requirePositive('Bollinger Bands k', k);
  const middle = warmUp(closes.length);
  const upper = warmUp(closes.length);
  const lower = warmUp(closes.length);
  for (let end = period; end <= closes.length; end++) {
    const window = closes.slice(end - period, end);
    const mean = window.reduce((sum, close) => sum + close, 0) / period;
    const variance = window.reduce((sum, close) => sum + (close - mean) ** 2, 0) / period;
    const width = k * Math.sqrt(variance);
    // A finite k can still push the bands past the largest double; GraphQL's Float cannot carry
    // ±Infinity, so that is the caller's k being too large, not a value to return.
    if (!Number.isFinite(mean + width) || !Number.isFinite(mean - width)) {
      throw new RangeError(`Bollinger Bands k is too large for these prices, got ${String(k)}`);
    }
    middle[end - 1] = mean;
    upper[end - 1] = mean + width;
    lower[end - 1] = mean - width;
  }
  return { middle, upper, lower };
}
