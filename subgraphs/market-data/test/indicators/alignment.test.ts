import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  atr,
  bollingerBands,
  closingPrices,
  ema,
  macd,
  rsi,
  sma,
  vwap,
  type IndicatorSeries,
} from '../../src/indicators/index.js';

const candles = fc.array(
  fc
    .tuple(
      fc.double({ min: 1, max: 1e4, noNaN: true }),
      fc.double({ min: 0, max: 0.2, noNaN: true }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.double({ min: 1, max: 1e6, noNaN: true }),
    )
    .map(([low, spread, closeAt, volume]) => {
      const high = low * (1 + spread);
      return { high, low, close: low + (high - low) * closeAt, volume };
    }),
  { maxLength: 80 },
);

/** Checks that `series` has one value per bar: null on exactly the first `warmUpBars` bars. */
function expectAligned(series: IndicatorSeries, bars: number, warmUpBars: number): void {
  expect(series).toHaveLength(bars);
  series.forEach((value, i) => {
    if (i < warmUpBars) expect(value, `bar ${String(i)}`).toBeNull();
    else expect(value, `bar ${String(i)}`).toEqual(expect.any(Number));
  });
}

describe('indicator alignment', () => {
  it('gives every indicator one value per candle, null exactly on its warm-up bars', () => {
    fc.assert(
      fc.property(candles, fc.integer({ min: 1, max: 30 }), (bars, period) => {
        const closes = closingPrices(bars);
        expectAligned(sma(closes, period), bars.length, period - 1);
        expectAligned(ema(closes, period), bars.length, period - 1);
        expectAligned(rsi(closes, period), bars.length, period);
        expectAligned(atr(bars, period), bars.length, period - 1);
        expectAligned(vwap(bars), bars.length, 0);
        const bands = bollingerBands(closes, { period });
        for (const band of [bands.middle, bands.upper, bands.lower])
          expectAligned(band, bars.length, period - 1);
        const { line, signal, histogram } = macd(closes);
        expectAligned(line, bars.length, 25);
        expectAligned(signal, bars.length, 33);
        expectAligned(histogram, bars.length, 33);
      }),
    );
  });

  it('returns empty series for no candles', () => {
    expect(sma([], 3)).toEqual([]);
    expect(vwap([])).toEqual([]);
    expect(macd([])).toEqual({ line: [], signal: [], histogram: [] });
  });
});
