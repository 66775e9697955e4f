import { badUserInput } from '@mib/errors';
import { atr, bollingerBands, closingPrices, ema, macd, rsi, sma, vwap } from '../indicators/index.js';
import type { IndicatorSetResolvers } from './types.generated.js';

/** Indicator parameters out of range are the client's mistake, not the server's. */
function withParameters<T>(compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    if (error instanceof RangeError) throw badUserInput(error.message);
    throw error;
  }
}

export const IndicatorSet: IndicatorSetResolvers = {
  openTimes: (window) => window.openTimes,
  closes: (window) => closingPrices(window.candles),
  sma: (window, { period }) => withParameters(() => sma(closingPrices(window.candles), period ?? 20)),
  ema: (window, { period }) => withParameters(() => ema(closingPrices(window.candles), period ?? 20)),
  rsi: (window, { period }) => withParameters(() => rsi(closingPrices(window.candles), period ?? 14)),
  macd: (window, { fast, slow, signal }) =>
    withParameters(() =>
      macd(closingPrices(window.candles), { fast: fast ?? 12, slow: slow ?? 26, signal: signal ?? 9 }),
    ),
  bollingerBands: (window, { period, k }) =>
    withParameters(() => bollingerBands(closingPrices(window.candles), { period: period ?? 20, k: k ?? 2 })),
  atr: (window, { period }) => withParameters(() => atr(window.candles, period ?? 14)),
  vwap: (window) => vwap(window.candles),
};
