import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ema } from '../../src/indicators/index.js';
import { afterWarmUp, expectSeriesCloseTo } from './expectSeries.js';
import { AAPL_CLOSES, AAPL_EMA_12, AAPL_EMA_26 } from './macd.reference.js';
import { INTC_CLOSES, INTC_EMA_10 } from './movingAverages.reference.js';

describe('ema', () => {
  it('reproduces the StockCharts 10-day EMA of Intel (cs-movavg.xls) to its 2 printed decimals', () => {
    // Source: StockCharts ChartSchool, "Moving Averages – Simple and Exponential", EMA table:
    // seeded with the 10-day SMA, multiplier 2 / (10 + 1) = 0.1818.
    expectSeriesCloseTo(ema(INTC_CLOSES, 10), afterWarmUp(9, INTC_EMA_10), 2);
  });

  it('reproduces the 12- and 26-day EMAs of the investexcel.net MACD spreadsheet to 8 decimals', () => {
    // Source: investexcel.net, "How to Calculate MACD in Excel" (Samir Khan, 2013), AAPL columns
    // "12 Day EMA" and "26 Day EMA", printed to 10 decimals; both seeded with a trailing SMA.
    expectSeriesCloseTo(ema(AAPL_CLOSES, 12), afterWarmUp(11, AAPL_EMA_12), 8);
    expectSeriesCloseTo(ema(AAPL_CLOSES, 26), afterWarmUp(25, AAPL_EMA_26), 8);
  });

  it('is seeded with the simple mean of the first n values', () => {
    const values = [2, 4, 6, 8];
    const seeded = ema(values, 3);
    expect(seeded.slice(0, 3)).toEqual([null, null, 4]);
    expect(seeded[3]).toBeCloseTo(0.5 * 8 + 0.5 * 4, 12);
  });

  it('is all null when there are fewer values than the period', () => {
    expect(ema([1, 2], 3)).toEqual([null, null]);
  });

  it('stays within the range of the values it has seen', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { maxLength: 100 }),
        fc.integer({ min: 1, max: 30 }),
        (values, period) => {
          const averages = ema(values, period);
          expect(averages).toHaveLength(values.length);
          averages.forEach((average, i) => {
            if (average === null) return;
            const seen = values.slice(0, i + 1);
            expect(average).toBeGreaterThanOrEqual(Math.min(...seen) - 1e-6);
            expect(average).toBeLessThanOrEqual(Math.max(...seen) + 1e-6);
          });
        },
      ),
    );
  });
});
