import { describe, expect, it } from 'vitest';
import { atr, bollingerBands, ema, macd, rsi, sma } from '../../src/indicators/index.js';

const closes = [1, 2, 3, 4, 5];
const candles = closes.map((close) => ({ high: close + 1, low: close - 1, close }));

const byPeriod: Record<string, (period: number) => unknown> = {
  SMA: (period) => sma(closes, period),
  EMA: (period) => ema(closes, period),
  RSI: (period) => rsi(closes, period),
  ATR: (period) => atr(candles, period),
  'Bollinger Bands': (period) => bollingerBands(closes, { period }),
  'MACD fast': (period) => macd(closes, { fast: period }),
  'MACD slow': (period) => macd(closes, { fast: 1, slow: period }),
  'MACD signal': (period) => macd(closes, { signal: period }),
};

describe('indicator parameters', () => {
  for (const [indicator, compute] of Object.entries(byPeriod)) {
    it(`rejects a ${indicator} period that is not a positive integer with a RangeError naming it`, () => {
      for (const period of [0, -3, 2.5, Number.NaN, Number.POSITIVE_INFINITY]) {
        expect(() => compute(period)).toThrow(RangeError);
        expect(() => compute(period)).toThrow(new RegExp(`${indicator} period`));
      }
    });
  }

  it('rejects a Bollinger Bands k that is not greater than 0', () => {
    for (const k of [0, -2, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => bollingerBands(closes, { k })).toThrow(RangeError);
      expect(() => bollingerBands(closes, { k })).toThrow(/Bollinger Bands k/);
    }
  });

  it('rejects a MACD whose fast period is not shorter than its slow period', () => {
    expect(() => macd(closes, { fast: 26, slow: 26 })).toThrow(RangeError);
    expect(() => macd(closes, { fast: 30, slow: 26 })).toThrow(/shorter than slow/);
  });

  it('accepts a period longer than the series and returns only warm-up', () => {
    expect(sma(closes, 100)).toEqual([null, null, null, null, null]);
    expect(atr(candles, 100)).toEqual([null, null, null, null, null]);
  });
});
