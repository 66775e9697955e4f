import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sma } from '../../src/indicators/index.js';
import { afterWarmUp, expectSeriesCloseTo } from './expectSeries.js';
import { INTC_CLOSES, INTC_SMA_10 } from './movingAverages.reference.js';

describe('sma', () => {
  it('reproduces the StockCharts 10-day SMA of Intel (cs-movavg.xls) to its 2 printed decimals', () => {
    // Source: StockCharts ChartSchool, "Moving Averages – Simple and Exponential", SMA table.
    expectSeriesCloseTo(sma(INTC_CLOSES, 10), afterWarmUp(9, INTC_SMA_10), 2);
  });

  it('is null until the window is full and then averages the last n values', () => {
    expect(sma([1, 2, 3, 4, 5], 3)).toEqual([null, null, 2, 3, 4]);
  });

  it('is the series itself for a period of 1', () => {
    expect(sma([3, 1, 4, 1, 5], 1)).toEqual([3, 1, 4, 1, 5]);
  });

  it('is all null when there are fewer values than the period', () => {
    expect(sma([1, 2], 3)).toEqual([null, null]);
  });

  it('of a constant series is that constant', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 1, max: 30 }),
        (constant, length, period) => {
          const averages = sma(new Array<number>(length).fill(constant), period);
          for (const average of averages.slice(period - 1)) {
            expect(average).toBeCloseTo(constant, 6);
          }
        },
      ),
    );
  });
});
