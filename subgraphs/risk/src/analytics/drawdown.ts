import type { DailyClose } from './heldPositions.js';

/** A held quantity, its instrument's daily closes and what one unit of their currency is worth. */
export interface HeldHistory {
  readonly quantity: number;
  /** USD per unit of the closes' currency, today's for every day: FX moves are not simulated. */
  readonly usdRate: number;
  readonly closes: readonly DailyClose[];
}

export interface DrawdownEstimate {
  /** Largest fall from a running peak of the value series (≥ 0). */
  readonly amount: number;
  /** amount / value at that peak; null when that peak is not positive (e.g. a short book). */
  readonly ratio: number | null;
  /** Days of the peak and the trough of the largest fall (null when there was no fall). */
  readonly peakDay: number | null;
  readonly troughDay: number | null;
  /** Days in the value series. */
  readonly days: number;
}

/**
 * Maximum drawdown of today's positions over their candle history: the value series is
 * Σ quantity × close × usdRate on each day where every instrument has a close (the last `days`
 * of them), in USD, and the drawdown the largest peak-to-later-trough fall of it. Held quantities
 * and rates are today's, so this is the drawdown the current book would have had, not the
 * account's realised equity curve.
 * Null when there is no common day; zero without positions.
 */
export function maxDrawdown(positions: readonly HeldHistory[], days: number): DrawdownEstimate | null {
  if (positions.length === 0) return { amount: 0, ratio: null, peakDay: null, troughDay: null, days: 0 };
  const closeOn = positions.map((position) => new Map(position.closes.map(({ day, close }) => [day, close])));
  const [first, ...others] = closeOn;
  const common = [...(first?.keys() ?? [])]
    .filter((day) => others.every((series) => series.has(day)))
    .slice(-days);
  if (common.length === 0) return null;
  let peak = { day: common[0] ?? 0, value: -Infinity };
  let worst: DrawdownEstimate = {
    amount: 0,
    ratio: null,
    peakDay: null,
    troughDay: null,
    days: common.length,
  };
  for (const day of common) {
    const value = positions.reduce(
      (sum, position, index) => sum + position.quantity * position.usdRate * (closeOn[index]?.get(day) ?? 0),
      0,
    );
    if (value > peak.value) peak = { day, value };
    const fall = peak.value - value;
    if (fall > worst.amount) {
      worst = {
        amount: fall,
        ratio: peak.value > 0 ? fall / peak.value : null,
        peakDay: peak.day,
        troughDay: day,
        days: common.length,
      };
    }
  }
  return worst;
}
