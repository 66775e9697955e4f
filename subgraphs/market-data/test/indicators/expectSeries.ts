import { expect } from 'vitest';
import type { IndicatorSeries } from '../../src/indicators/index.js';

/**
 * Checks `actual` bar by bar against a published column: `null` where the publication leaves the
 * cell blank (warm-up), and within the publication's rounding elsewhere — `digits` decimals means
 * |actual − expected| < 10^−digits / 2, as `toBeCloseTo` defines it.
 */
export function expectSeriesCloseTo(
  actual: IndicatorSeries,
  expected: readonly (number | null)[],
  digits: number,
): void {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((value, i) => {
    if (value === null) {
      expect(actual[i], `bar ${String(i)} is warm-up`).toBeNull();
    } else {
      expect(actual[i], `bar ${String(i)}`).toBeCloseTo(value, digits);
    }
  });
}

/** `count` nulls followed by `values`: a published column whose first cells are blank. */
export function afterWarmUp(count: number, values: readonly number[]): (number | null)[] {
  return [...new Array<null>(count).fill(null), ...values];
}
