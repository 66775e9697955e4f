import type { SeededRandom } from './random.js';

const MS_PER_YEAR = 365.25 * 24 * 3600 * 1000;

/**
 * Geometric Brownian motion, S(t+dt) = S(t) · exp((μ − σ²/2)·dt + σ·√dt·Z), advanced exactly
 * over any step (the log-price increment is normal), with μ and σ per year and dt in ms.
 */
export class GeometricBrownianMotion {
  price: number;

  constructor(
    initialPrice: number,
    /** Annual drift μ. */
    private readonly drift: number,
    /** Annual volatility σ. */
    private readonly volatility: number,
  ) {
    this.price = initialPrice;
  }

  /** Advances the price by `elapsedMs` and returns it. */
  advance(elapsedMs: number, random: SeededRandom): number {
    if (elapsedMs <= 0) return this.price;
    const dt = elapsedMs / MS_PER_YEAR;
    const sigma = this.volatility;
    this.price *= Math.exp((this.drift - 0.5 * sigma * sigma) * dt + sigma * Math.sqrt(dt) * random.nextNormal());
    return this.price;
  }
}
