import { describe, expect, it } from 'vitest';
import { atr, trueRange } from '../../src/indicators/index.js';
import { afterWarmUp, expectSeriesCloseTo } from './expectSeries.js';

/**
 * StockCharts ChartSchool, "Average True Range (ATR)", worked example (cs-atr.xls): QQQQ daily
 * bars from 1-Apr-2010 with the "TR" column and the 14-day "ATR" column, whose first value
 * (0.555) is the mean of the first 14 true ranges. Spreadsheet cells to 4–6 decimals.
 */
const QQQQ_BARS = [
  [48.7, 47.79, 48.16],
  [48.72, 48.14, 48.61],
  [48.9, 48.39, 48.75],
  [48.87, 48.37, 48.63],
  [48.82, 48.24, 48.74],
  [49.05, 48.635, 49.03],
  [49.2, 48.94, 49.07],
  [49.35, 48.86, 49.32],
  [49.92, 49.5, 49.91],
  [50.19, 49.87, 50.13],
  [50.12, 49.2, 49.53],
  [49.66, 48.9, 49.5],
  [49.88, 49.43, 49.75],
  [50.19, 49.725, 50.03],
  [50.36, 49.26, 50.31],
  [50.57, 50.09, 50.52],
  [50.65, 50.3, 50.41],
  [50.43, 49.21, 49.34],
  [49.63, 48.98, 49.37],
  [50.33, 49.61, 50.23],
  [50.29, 49.2, 49.2375],
  [50.17, 49.43, 49.93],
  [49.32, 48.08, 48.43],
  [48.5, 47.64, 48.18],
  [48.3201, 41.55, 46.57],
  [46.8, 44.2833, 45.41],
  [47.8, 47.31, 47.77],
  [48.39, 47.2, 47.72],
  [48.66, 47.9, 48.62],
  [48.79, 47.7301, 47.85],
].map(([high = 0, low = 0, close = 0]) => ({ high, low, close }));

const QQQQ_TRUE_RANGE = [
  0.91, 0.58, 0.51, 0.5, 0.58, 0.415, 0.26, 0.49, 0.6, 0.32, 0.93, 0.76, 0.45, 0.465, 1.1, 0.48, 0.35, 1.22,
  0.65, 0.96, 1.09, 0.9325, 1.85, 0.86, 6.7701, 2.5167, 2.39, 1.19, 0.94, 1.0599,
];
const QQQQ_ATR_14 = [
  0.555, 0.593929, 0.585791, 0.568949, 0.615452, 0.61792, 0.642354, 0.674329, 0.69277, 0.775429, 0.78147,
  1.209229, 1.30262, 1.38029, 1.366698, 1.336219, 1.316482,
];

describe('trueRange', () => {
  it("reproduces StockCharts' true range column (cs-atr.xls), starting with high − low", () => {
    trueRange(QQQQ_BARS).forEach((range, i) => {
      expect(range, `bar ${String(i)}`).toBeCloseTo(QQQQ_TRUE_RANGE[i] ?? Number.NaN, 9);
    });
  });

  it('reaches back to the previous close across a gap', () => {
    const gapUp = [
      { high: 10, low: 9, close: 9.5 },
      { high: 13, low: 12, close: 12.5 },
    ];
    expect(trueRange(gapUp)).toEqual([1, 3.5]);
  });
});

describe('atr', () => {
  it("reproduces StockCharts' 14-day ATR of QQQQ (cs-atr.xls) to 5 decimals", () => {
    expectSeriesCloseTo(atr(QQQQ_BARS, 14), afterWarmUp(13, QQQQ_ATR_14), 5);
  });

  it('defaults to 14 periods', () => {
    expect(atr(QQQQ_BARS)).toEqual(atr(QQQQ_BARS, 14));
  });

  it('is all null when there are fewer bars than the period', () => {
    expect(atr(QQQQ_BARS.slice(0, 13), 14).every((value) => value === null)).toBe(true);
  });
});
