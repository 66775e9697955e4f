import { describe, expect, it } from 'vitest';
import { maxDrawdown } from '../src/analytics/drawdown.js';
import type { DailyClose } from '../src/analytics/heldPositions.js';
import { historicalValueAtRisk } from '../src/analytics/valueAtRisk.js';

const day = (index: number) => Date.UTC(2026, 10, 2 + index);
const series = (closes: number[]): DailyClose[] => closes.map((close, index) => ({ day: day(index), close }));

/**
 * Long 10 A at 100 (value 1000), short 5 B at 50 (value −250).
 * A returns: +10 %, −10 %, 0, +10 %; B returns: 0, +10 %, −20 %, 0.
 * Scenario P&L = 1000 rA − 250 rB: +100, −125, +50, +100, so losses 125, −50, −100, −100.
 */
const closesA = series([100, 110, 99, 99, 108.9]);
const closesB = series([50, 50, 55, 44, 44]);
const book = [
  { value: 1000, closes: closesA },
  { value: -250, closes: closesB },
];

describe('historical VaR', () => {
  it('is the ⌈N(1 − c)⌉-th largest scenario loss', () => {
    // N = 4, c = 0.75: the largest loss, the day A fell 10 % while the short B rose 10 %.
    const estimate = historicalValueAtRisk(book, 0.75, 250);
    expect(estimate?.scenarios).toBe(4);
    expect(estimate?.amount).toBeCloseTo(125, 9);
  });

  it('floors a gain at the quantile to zero and uses only the last `days` scenarios', () => {
    // c = 0.5: the 2nd largest loss is −50 (a gain).
    expect(historicalValueAtRisk(book, 0.5, 250)).toEqual({ amount: 0, scenarios: 4 });
    // The last two days only: losses −50 and −100.
    expect(historicalValueAtRisk(book, 0.99, 2)).toEqual({ amount: 0, scenarios: 2 });
    expect(historicalValueAtRisk(book, 0.99, 3)?.amount).toBeCloseTo(125, 9);
  });

  it('uses only days on which every held instrument has a return', () => {
    const withGap = [
      book[0],
      { value: -250, closes: closesB.filter((_, index) => index !== 2) },
    ] as typeof book;
    // B has no close on day 2: its returns end on days 1, 3 and 4, so days 1, 3, 4 are scenarios;
    // B's return on day 3 is 44 / 50 − 1 = −12 %: losses −100, −(0 + 30) and −100.
    expect(historicalValueAtRisk(withGap, 0.99, 250)).toEqual({ amount: 0, scenarios: 3 });
  });

  it.each([
    [100, 0.99],
    [20, 0.95],
  ])('takes the largest loss when N(1 − c) is exactly 1 (N = %i, c = %f)', (scenarios, confidence) => {
    // One day falls 10 % (a loss of 100 on a value of 1000), every other day rises 1 %: the
    // 1st largest loss is 100. In doubles N × (1 − c) is 1.0000000000000009, whose ceiling is 2,
    // the 2nd largest loss: a gain, floored to 0.
    const closes = series(
      Array.from({ length: scenarios + 1 }, (_, index) => (index === 0 ? 100 : 90 * 1.01 ** (index - 1))),
    );
    const estimate = historicalValueAtRisk([{ value: 1000, closes }], confidence, 250);
    expect(estimate?.scenarios).toBe(scenarios);
    expect(estimate?.amount).toBeCloseTo(100, 9);
  });

  it('is zero without positions and unknown without history', () => {
    expect(historicalValueAtRisk([], 0.99, 250)).toEqual({ amount: 0, scenarios: 0 });
    expect(historicalValueAtRisk([{ value: 10, closes: [] }], 0.99, 250)).toBeNull();
  });
});

describe('maximum drawdown of the current positions', () => {
  it('is the largest fall of Σ quantity × close from a running peak', () => {
    // Values: 750, 850, 715, 770, 869: from 850 (day 1) to 715 (day 2).
    const drawdown = maxDrawdown(
      [
        { quantity: 10, usdRate: 1, closes: closesA },
        { quantity: -5, usdRate: 1, closes: closesB },
      ],
      250,
    );
    expect(drawdown).toMatchObject({ peakDay: day(1), troughDay: day(2), days: 5 });
    expect(drawdown?.amount).toBeCloseTo(135, 9);
    expect(drawdown?.ratio).toBeCloseTo(135 / 850, 12);
  });

  it('has no ratio for a book whose peak is negative, and no fall for a rising one', () => {
    const short = maxDrawdown([{ quantity: -1, usdRate: 1, closes: series([10, 12, 11]) }], 250);
    expect(short).toMatchObject({ amount: 2, ratio: null, peakDay: day(0), troughDay: day(1) });
    expect(maxDrawdown([{ quantity: 1, usdRate: 1, closes: series([1, 2, 3]) }], 250)).toEqual({
      amount: 0,
      ratio: null,
      peakDay: null,
      troughDay: null,
      days: 3,
    });
  });

  it("values every close at today's USD rate of its currency", () => {
    // 1000 of a JPY-quoted instrument at 0.008 USD per JPY next to 10 of A in USD:
    // 1000 + 1200, 1100 + 1280, 990 + 960 = 2200, 2380, 1950: a fall of 430 from the peak.
    const drawdown = maxDrawdown(
      [
        { quantity: 10, usdRate: 1, closes: closesA },
        { quantity: 1000, usdRate: 0.008, closes: series([150, 160, 120]) },
      ],
      250,
    );
    expect(drawdown).toMatchObject({ peakDay: day(1), troughDay: day(2), days: 3 });
    expect(drawdown?.amount).toBeCloseTo(430, 9);
    expect(drawdown?.ratio).toBeCloseTo(430 / 2380, 12);
  });
});
