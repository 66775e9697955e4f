import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bollingerBands } from '../../src/indicators/index.js';
import { afterWarmUp, expectSeriesCloseTo } from './expectSeries.js';

/**
 * StockCharts ChartSchool, "Bollinger Bands", worked example (cs-bbands.xls): SPY daily closes
 * from 1-May-2009 and the Bollinger Bands (20, 2) columns — middle band (20-day SMA), upper and
 * lower band — to 6 decimals. StockCharts uses the population standard deviation; the sample one
 * would put every band √(20/19) ≈ 2.6 % further out and fail this test.
 */
const SPY_CLOSES = [
  86.1557, 89.0867, 88.7829, 90.3228, 89.0671, 91.1453, 89.4397, 89.175, 86.9302, 87.6752, 86.9596, 89.4299,
  89.3221, 88.7241, 87.4497, 87.2634, 89.4985, 87.9006, 89.126, 90.7043, 92.9001, 92.9784, 91.8021, 92.6647,
  92.6843, 92.3021, 92.7725, 92.5373, 92.949, 93.2039, 91.0669, 89.8318, 89.7435, 90.3994, 90.7387, 88.0177,
  88.0867, 88.8439, 90.7781, 90.5416, 91.3894, 90.65,
];
const SPY_MIDDLE = [
  88.70794, 89.04516, 89.239745, 89.390705, 89.5078, 89.68866, 89.7465, 89.91314, 90.081255, 90.382195,
  90.65863, 90.863995, 90.88409, 90.90516, 90.988925, 91.153375, 91.19109, 91.1205, 91.167665, 91.25027,
  91.242135, 91.1666, 91.05018,
];
const SPY_UPPER = [
  91.291862, 91.949268, 92.612595, 92.9342, 93.31195, 93.72845, 93.899592, 94.266255, 94.565096, 94.786912,
  95.043001, 94.907605, 94.902912, 94.89532, 94.861013, 94.673629, 94.556593, 94.678752, 94.575786, 94.534271,
  94.532306, 94.369251, 94.148503,
];
const SPY_LOWER = [
  86.124018, 86.141052, 85.866895, 85.84721, 85.70365, 85.64887, 85.593408, 85.560025, 85.597414, 85.977478,
  86.274259, 86.820385, 86.865268, 86.915, 87.116837, 87.633121, 87.825587, 87.562248, 87.759544, 87.966269,
  87.951964, 87.963949, 87.951857,
];

describe('bollingerBands', () => {
  it("reproduces StockCharts' Bollinger Bands (20, 2) of SPY (cs-bbands.xls) to 5 decimals", () => {
    const { middle, upper, lower } = bollingerBands(SPY_CLOSES, { period: 20, k: 2 });
    expectSeriesCloseTo(middle, afterWarmUp(19, SPY_MIDDLE), 5);
    expectSeriesCloseTo(upper, afterWarmUp(19, SPY_UPPER), 5);
    expectSeriesCloseTo(lower, afterWarmUp(19, SPY_LOWER), 5);
  });

  it('defaults to 20 periods and 2 standard deviations', () => {
    expect(bollingerBands(SPY_CLOSES)).toEqual(bollingerBands(SPY_CLOSES, { period: 20, k: 2 }));
  });

  it('collapses onto the average when prices do not move', () => {
    const { middle, upper, lower } = bollingerBands(new Array<number>(25).fill(42));
    expect(middle.at(-1)).toBe(42);
    expect(upper.at(-1)).toBe(42);
    expect(lower.at(-1)).toBe(42);
  });

  it('refuses a k so large that the bands overflow, rather than return ±Infinity', () => {
    // σ of 100, 103, …, 112 is 4.24: 1e308 · 4.24 is beyond the largest double, and GraphQL's
    // Float cannot carry Infinity (the client would get INTERNAL instead of its mistake named).
    const closes = [100, 103, 106, 109, 112];
    expect(() => bollingerBands(closes, { period: 5, k: 1e308 })).toThrow(RangeError);
    expect(() => bollingerBands(closes, { period: 5, k: 1e308 })).toThrow(/Bollinger Bands k/);
  });

  it('keeps lower ≤ middle ≤ upper on every defined bar', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.01, max: 1e6, noNaN: true }), { maxLength: 80 }),
        fc.integer({ min: 1, max: 30 }),
        fc.double({ min: 0.1, max: 5, noNaN: true }),
        (closes, period, k) => {
          const { middle, upper, lower } = bollingerBands(closes, { period, k });
          middle.forEach((mid, i) => {
            if (mid === null) return;
            expect(lower[i]).toBeLessThanOrEqual(mid);
            expect(upper[i]).toBeGreaterThanOrEqual(mid);
          });
        },
      ),
    );
  });
});
