import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { macd } from '../../src/indicators/index.js';
import { afterWarmUp, expectSeriesCloseTo } from './expectSeries.js';
import { AAPL_CLOSES, AAPL_MACD_HISTOGRAM, AAPL_MACD_LINE, AAPL_MACD_SIGNAL } from './macd.reference.js';

describe('macd', () => {
  // Source: investexcel.net, "How to Calculate MACD in Excel", AAPL spreadsheet (10 decimals);
  // see macd.reference.ts.
  const published = macd(AAPL_CLOSES);

  it('reproduces the investexcel.net MACD line (12, 26) to 8 decimals', () => {
    expectSeriesCloseTo(published.line, afterWarmUp(25, AAPL_MACD_LINE), 8);
  });

  it('reproduces the investexcel.net signal line (9-day EMA of the MACD, SMA-seeded) to 8 decimals', () => {
    expectSeriesCloseTo(published.signal, afterWarmUp(33, AAPL_MACD_SIGNAL), 8);
  });

  it('reproduces the investexcel.net histogram to 8 decimals', () => {
    expectSeriesCloseTo(published.histogram, afterWarmUp(33, AAPL_MACD_HISTOGRAM), 8);
  });

  it('accepts other periods and starts each series where its EMAs are seeded', () => {
    const { line, signal, histogram } = macd([1, 2, 3, 4, 5, 6, 7, 8], { fast: 2, slow: 4, signal: 3 });
    expect(line.findIndex((value) => value !== null)).toBe(3);
    expect(signal.findIndex((value) => value !== null)).toBe(5);
    expect(histogram.findIndex((value) => value !== null)).toBe(5);
  });

  it('is all null when there are too few closes for the slow EMA', () => {
    const { line, signal, histogram } = macd(AAPL_CLOSES.slice(0, 25));
    for (const series of [line, signal, histogram]) {
      expect(series.every((value) => value === null)).toBe(true);
    }
  });

  it('has a histogram equal to line minus signal wherever both exist', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 1, max: 1e4, noNaN: true }), { maxLength: 80 }), (closes) => {
        const { line, signal, histogram } = macd(closes);
        expect(histogram).toHaveLength(closes.length);
        histogram.forEach((value, i) => {
          const lineValue = line[i];
          const signalValue = signal[i];
          if (
            lineValue === null ||
            lineValue === undefined ||
            signalValue === null ||
            signalValue === undefined
          ) {
            expect(value).toBeNull();
          } else {
            expect(value).toBe(lineValue - signalValue);
          }
        });
      }),
    );
  });
});
