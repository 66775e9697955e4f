/**
 * Shared shapes of the indicator functions.
 *
 * Indicators are analytics plotted next to candles, not money: they work in IEEE-754 doubles.
 * The subgraph converts the stored Prisma Decimals with `Number(...)` before calling them; the
 * published reference tables these functions are tested against are themselves spreadsheet
 * doubles printed to 2–10 decimals.
 */

/** The fields of a candle that price-and-volume indicators read. */
export interface Candle {
  readonly high: number;
  readonly low: number;
  readonly close: number;
  readonly volume: number;
}

/**
 * One value per input bar, index-aligned with the input: `result[i]` belongs to bar `i`.
 * `null` marks the warm-up bars where the indicator is not yet defined (too few bars), so a client
 * can plot the series against the candles without shifting it.
 */
export type IndicatorSeries = (number | null)[];

/** The closing prices of `candles`, in order: the input of the close-only indicators. */
export function closingPrices(candles: readonly Pick<Candle, 'close'>[]): number[] {
  return candles.map((candle) => candle.close);
}

/** A series of `length` nulls: every bar still in warm-up. */
export function warmUp(length: number): IndicatorSeries {
  return new Array<number | null>(length).fill(null);
}
