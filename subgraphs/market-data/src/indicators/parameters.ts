/**
 * Parameter checks shared by the indicators. They throw `RangeError`, which the subgraph maps to
 * a `BAD_USER_INPUT` GraphQL error: a bad period is wrong use of the API, not a domain outcome.
 */

/** Throws a `RangeError` unless `period` is a positive integer (a number of bars). */
export function requirePeriod(name: string, period: number): void {
  if (!Number.isSafeInteger(period) || period < 1) {
    throw new RangeError(`${name} must be a positive integer number of bars, got ${String(period)}`);
  }
}

/** Throws a `RangeError` unless `value` is a finite number greater than zero. */
export function requirePositive(name: string, value: number): void {
  if (!Number.isFinite(value) || value <= 0) {
    throw new RangeError(`${name} must be a finite number greater than 0, got ${String(value)}`);
  }
}
