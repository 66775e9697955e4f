/**
 * How a ring side waits for the other: spin on an atomic load first (cheap when the other side
 * answers within microseconds), then park in Atomics.wait so an idle engine uses no CPU.
 *
 * - `latency`: spins ~1M loads (a few milliseconds) before parking, so under steady flow a
 *   side never pays the futex wake-up (~10–50 µs). Burns a core while traffic lasts.
 * - `idle`: spins 64 loads, then parks. Best when cores are shared (the embedded demo, CI).
 */
export type WaitStrategyName = 'latency' | 'idle';

export interface WaitStrategy {
  readonly name: WaitStrategyName;
  /** Atomic loads to try before parking. */
  readonly spinIterations: number;
}

export const WAIT_STRATEGIES: Readonly<Record<WaitStrategyName, WaitStrategy>> = {
  latency: { name: 'latency', spinIterations: 1 << 20 },
  idle: { name: 'idle', spinIterations: 64 },
};

export const WAIT_STRATEGY_NAMES = Object.keys(WAIT_STRATEGIES) as readonly WaitStrategyName[];
