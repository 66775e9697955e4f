import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { typicalPrice, vwap, type Candle } from '../../src/indicators/index.js';

/**
 * Cross-check, not a publication: no published numeric VWAP table was found (StockCharts'
 * ChartSchool "VWAP" article shows its IBM 1-minute example only as a chart). These are the daily
 * bars from 3-Dec-2010 of the `ta` Python library's VWAP fixture (bukosabino/ta,
 * test/data/cs-vwap.csv, first 14 rows) and its `vwap` column: an independent implementation
 * whose 14-bar window still spans every bar over these rows, so it equals the cumulative VWAP.
 */
const FIXTURE_BARS: Candle[] = [
  [24.8283, 24.3205, 24.7486, 18730.144],
  [24.7586, 24.5993, 24.7088, 12271.74],
  [25.1568, 24.7785, 25.0373, 24691.414],
  [25.5848, 24.9477, 25.545, 18357.606],
  [25.6844, 24.8083, 25.0672, 22964.08],
  [25.336, 25.0572, 25.107, 15918.948],
  [25.2862, 24.8482, 24.888, 16067.044],
  [25.1269, 24.7496, 24.9975, 16568.487],
  [25.2762, 24.9278, 25.0473, 16018.729],
  [25.3857, 25.0274, 25.336, 9773.569],
  [25.5351, 25.0473, 25.0572, 22572.712],
  [25.6048, 25.0622, 25.4455, 12986.669],
  [25.7441, 25.5351, 25.5649, 10906.659],
  [25.7242, 25.4554, 25.555, 5799.259],
].map(([high = 0, low = 0, close = 0, volume = 0]) => ({ high, low, close, volume }));
const FIXTURE_VWAP = [
  24.632466666666666, 24.654805154030853, 24.80379676048873, 24.9414758619062, 24.99950623571372,
  25.02307824302856, 25.021133824528068, 25.013948032058988, 25.020869365685463, 25.03392065542907,
  25.054787605744554, 25.074623090960745, 25.101664793872967, 25.11402265022072,
];

describe('vwap', () => {
  it('starts at the first bar\'s typical price, as StockCharts ChartSchool ("VWAP") states', () => {
    const [first] = FIXTURE_BARS;
    expect(vwap(FIXTURE_BARS)[0]).toBeCloseTo(typicalPrice(first ?? { high: 0, low: 0, close: 0 }), 12);
  });

  it('accumulates Σ(typical price × volume) / Σ volume over the given candles', () => {
    const bars = [
      { high: 12, low: 9, close: 9, volume: 100 },
      { high: 13, low: 11, close: 12, volume: 300 },
    ];
    // Typical prices 10 and 12: (10·100 + 12·300) / 400 = 11.5.
    expect(vwap(bars)).toEqual([10, 11.5]);
  });

  it('matches the ta library fixture (cs-vwap.csv) over its cumulative rows to 10 decimals', () => {
    vwap(FIXTURE_BARS).forEach((value, i) => {
      expect(value, `bar ${String(i)}`).toBeCloseTo(FIXTURE_VWAP[i] ?? Number.NaN, 10);
    });
  });

  it('is null until some volume has traded', () => {
    const bars = [
      { high: 2, low: 1, close: 1.5, volume: 0 },
      { high: 3, low: 3, close: 3, volume: 10 },
    ];
    expect(vwap(bars)).toEqual([null, 3]);
  });

  it('stays between the lowest low and the highest high traded so far', () => {
    const candle = fc
      .tuple(
        fc.double({ min: 1, max: 1e4, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 1, max: 1e6, noNaN: true }),
      )
      .map(([low, spread, closeAt, volume]) => {
        const high = low * (1 + spread);
        return { high, low, close: low + (high - low) * closeAt, volume };
      });
    fc.assert(
      fc.property(fc.array(candle, { maxLength: 60 }), (candles) => {
        const values = vwap(candles);
        expect(values).toHaveLength(candles.length);
        values.forEach((value, i) => {
          const seen = candles.slice(0, i + 1);
          expect(value).toBeGreaterThanOrEqual(Math.min(...seen.map((c) => c.low)) * (1 - 1e-12));
          expect(value).toBeLessThanOrEqual(Math.max(...seen.map((c) => c.high)) * (1 + 1e-12));
        });
      }),
    );
  });
});
