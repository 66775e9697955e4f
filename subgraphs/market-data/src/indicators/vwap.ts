import type { Candle, IndicatorSeries } from './series.js';

/** Typical price of a bar, (high + low + close) / 3: the price VWAP weights by volume. */
export function typicalPrice(candle: Pick<Candle, 'high' | 'low' | 'close'>): number {
  return (candle.high + candle.low + candle.close) / 3;
}

/**
 * Volume-weighted average price, cumulative over the given candles (StockCharts ChartSchool,
 * "Volume-Weighted Average Price (VWAP)"): VWAPᵢ = Σ(typical price · volume) / Σ volume over
 * bars 0 … i. The first value is the first bar's typical price.
 *
 * VWAP is a single-session measure: the accumulation starts at the first candle passed in, so
 * the caller passes the candles of one session (or of whatever anchor it wants VWAP from).
 * Bars before any volume has traded are `null` (0/0 is undefined).
 */
export function vwap(candles: readonly Candle[]): IndicatorSeries {
  let priceVolume = 0;
  let volume = 0;
  return candles.map((candle) => {
    priceVolume += typicalPrice(candle) * candle.volume;
    volume += candle.volume;
    return volume === 0 ? null : priceVolume / volume;
  });
}
