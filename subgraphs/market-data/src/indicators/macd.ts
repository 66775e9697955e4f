import { ema } from './ema.js';
import { requirePeriod } from './parameters.js';
import { warmUp, type IndicatorSeries } from './series.js';

/** Periods of the MACD; each defaults to Appel's 12, 26, 9. */
export interface MacdOptions {
  /** Period of the fast EMA of the closes. Default 12. */
  readonly fast?: number;
  /** Period of the slow EMA of the closes; must be longer than `fast`. Default 26. */
  readonly slow?: number;
  /** Period of the EMA of the MACD line that forms the signal line. Default 9. */
  readonly signal?: number;
}

/** The three MACD series, each aligned with the input closes. */
export interface Macd {
  /** EMA(fast) − EMA(slow); defined from bar `slow − 1`. */
  readonly line: IndicatorSeries;
  /** EMA(signal) of the MACD line; defined from bar `slow + signal − 2`. */
  readonly signal: IndicatorSeries;
  /** line − signal; defined where the signal is. */
  readonly histogram: IndicatorSeries;
}

/**
 * Moving Average Convergence/Divergence (Gerald Appel; StockCharts ChartSchool, "MACD"):
 * line = EMA(fast) − EMA(slow), signal = EMA(signal) of the line, histogram = line − signal.
 *
 * Every EMA is seeded with the simple mean of its first n inputs (see {@link ema}); the signal
 * line's EMA starts on the first bar where the MACD line exists.
 * @throws RangeError when a period is not a positive integer, or `fast` is not shorter than `slow`.
 */
export function macd(closes: readonly number[], options: MacdOptions = {}): Macd {
  const { fast = 12, slow = 26, signal: signalPeriod = 9 } = options;
  requirePeriod('MACD fast period', fast);
  requirePeriod('MACD slow period', slow);
  requirePeriod('MACD signal period', signalPeriod);
  if (fast >= slow) {
    throw new RangeError(
      `MACD fast period (${String(fast)}) must be shorter than slow period (${String(slow)})`,
    );
  }
  const fastEma = ema(closes, fast);
  const slowEma = ema(closes, slow);
  const line = fastEma.map((fastValue, i) => {
    const slowValue = slowEma[i];
    return fastValue === null || slowValue === null || slowValue === undefined ? null : fastValue - slowValue;
  });

  const firstLineBar = slow - 1;
  const signal = warmUp(closes.length);
  const definedLine = line.slice(firstLineBar).map((value) => value ?? 0);
  ema(definedLine, signalPeriod).forEach((value, offset) => {
    signal[firstLineBar + offset] = value;
  });

  const histogram = line.map((lineValue, i) => {
    const signalValue = signal[i];
    return lineValue === null || signalValue === null || signalValue === undefined
      ? null
      : lineValue - signalValue;
  });
  return { line, signal, histogram };
}
