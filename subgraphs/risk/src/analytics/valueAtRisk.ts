import { Decimal } from '@mib/db';
import type { DailyClose } from './heldPositions.js';

/** A position's current value and the history of its instrument's daily closes. */
export interface PricedExposure {
  /**
   * quantity × mark price in USD (negative for a short), at today's rate: a scenario moves the
   * instrument's price in its own currency, not the exchange rate.
   */
  readonly value: number;
  readonly closes: readonly DailyClose[];
}

export interface ValueAtRiskEstimate {
  /** One-day loss not exceeded with the given confidence (≥ 0). */
  readonly amount: number;
  /** Daily return scenarios the estimate rests on. */
  readonly scenarios: number;
}

/**
 * Historical-simulation VaR (Jorion, "Value at Risk", ch. 10): each of the last `days` days on
 * which every instrument has a close-to-close return is a scenario; today's positions lose
 * Σ −value × return in it. VaR is the k-th largest of those losses, k = ⌈N × (1 − confidence)⌉
 * (no interpolation), floored at 0. Floating point: an estimate, not money. Null when some
 * position has no scenario at all (no history to simulate); 0 without positions.
 */
export function historicalValueAtRisk(
  exposures: readonly PricedExposure[],
  confidence: number,
  days: number,
): ValueAtRiskEstimate | null {
  if (exposures.length === 0) return { amount: 0, scenarios: 0 };
  const returns = exposures.map((exposure) => dailyReturns(exposure.closes));
  const [first, ...others] = returns;
  const scenarioDays = [...(first?.keys() ?? [])]
    .filter((day) => others.every((series) => series.has(day)))
    .slice(-days);
  if (scenarioDays.length === 0) return null;
  const losses = scenarioDays
    .map(
      (day) =>
        -exposures.reduce(
          (pnl, exposure, index) => pnl + exposure.value * (returns[index]?.get(day) ?? 0),
          0,
        ),
    )
    .sort((a, b) => b - a);
  // In decimal, as the caller wrote the confidence: in doubles 100 × (1 − 0.99) is 1.0000000000000009,
  // whose ceiling would pick the 2nd largest loss.
  const rank = Math.max(1, new Decimal(1).minus(confidence).times(scenarioDays.length).ceil().toNumber());
  return { amount: Math.max(0, losses[rank - 1] ?? 0), scenarios: scenarioDays.length };
}

/** Simple returns close / previous close − 1, keyed by the day they end on, in day order. */
export function dailyReturns(closes: readonly DailyClose[]): Map<number, number> {
  const returns = new Map<number, number>();
  for (let index = 1; index < closes.length; index++) {
    const previous = closes[index - 1];
    const current = closes[index];
    if (previous && current && previous.close !== 0)
      returns.set(current.day, current.close / previous.close - 1);
  }
  return returns;
}
