import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rsi } from '../../src/indicators/index.js';
import { afterWarmUp, expectSeriesCloseTo } from './expectSeries.js';

/**
 * StockCharts ChartSchool, "Relative Strength Index (RSI)", worked example (cs-rsi.xls):
 * QQQQ daily closes, 14-Dec-2009 to 1-Feb-2010, and the 14-day RSI column printed to 2 decimals.
 * This is the series of Wilder's method whose first RSI is 70.53.
 */
const QQQQ_CLOSES = [
  44.3389, 44.0902, 44.1497, 43.6124, 44.3278, 44.8264, 45.0955, 45.4245, 45.8433, 46.0826, 45.8931, 46.0328,
  45.614, 46.282, 46.282, 46.0028, 46.0328, 46.4116, 46.2222, 45.6439, 46.2122, 46.2521, 45.7137, 46.4515,
  45.7835, 45.3548, 44.0288, 44.1783, 44.2181, 44.5672, 43.4205, 42.6628, 43.1314,
];
const QQQQ_RSI_14 = [
  70.53, 66.32, 66.55, 69.41, 66.36, 57.97, 62.93, 63.26, 56.06, 62.38, 54.71, 50.42, 39.99, 41.46, 41.87,
  45.46, 37.3, 33.08, 37.77,
];

describe('rsi', () => {
  it("reproduces StockCharts' 14-day RSI of QQQQ (cs-rsi.xls) to its 2 printed decimals", () => {
    expectSeriesCloseTo(rsi(QQQQ_CLOSES, 14), afterWarmUp(14, QQQQ_RSI_14), 2);
  });

  it('defaults to 14 periods', () => {
    expect(rsi(QQQQ_CLOSES)).toEqual(rsi(QQQQ_CLOSES, 14));
  });

  it('is 100 when prices only rise, 0 when they only fall and 50 when they do not move', () => {
    const rising = Array.from({ length: 20 }, (_, i) => 10 + i);
    expect(rsi(rising, 14).at(-1)).toBe(100);
    expect(rsi(rising.toReversed(), 14).at(-1)).toBe(0);
    expect(rsi(new Array<number>(20).fill(10), 14).at(-1)).toBe(50);
  });

  it('needs period + 1 closes for its first value', () => {
    expect(rsi([1, 2, 3], 3)).toEqual([null, null, null]);
    expect(rsi([1, 2, 3, 4], 3)).toEqual([null, null, null, 100]);
  });

  it('stays within [0, 100] and is defined from bar `period` on', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.01, max: 1e5, noNaN: true }), { maxLength: 120 }),
        fc.integer({ min: 1, max: 30 }),
        (closes, period) => {
          const values = rsi(closes, period);
          expect(values).toHaveLength(closes.length);
          values.forEach((value, i) => {
            if (i < period) {
              expect(value).toBeNull();
            } else {
              expect(value).toBeGreaterThanOrEqual(0);
              expect(value).toBeLessThanOrEqual(100);
            }
          });
        },
      ),
    );
  });
});
