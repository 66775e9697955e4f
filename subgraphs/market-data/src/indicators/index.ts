/**
 * Technical indicators over candles: pure functions, no I/O. Every series is aligned with its
 * input, with `null` on warm-up bars; bad parameters throw `RangeError`.
 */
export { atr, trueRange, type PriceRange } from './atr.js';
export { bollingerBands, type BollingerBands, type BollingerBandsOptions } from './bollingerBands.js';
export { ema } from './ema.js';
export { macd, type Macd, type MacdOptions } from './macd.js';
export { rsi } from './rsi.js';
export { closingPrices, type Candle, type IndicatorSeries } from './series.js';
export { sma } from './sma.js';
export { typicalPrice, vwap } from './vwap.js';
