/**
 * Atomics.waitAsync (ES2024) exists in Node ≥ 16, but the shared tsconfig stops at lib ES2023.
 * This declares just that function instead of widening the lib for the whole engine package.
 */
declare global {
  interface Atomics {
    waitAsync(
      typedArray: Int32Array,
      index: number,
      value: number,
      timeout?: number,
    ): { async: false; value: 'not-equal' | 'timed-out' } | { async: true; value: Promise<'ok' | 'timed-out'> };
  }
}

export {};
