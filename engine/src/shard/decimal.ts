/**
 * Decimal strings ↔ integers of 1e-8 units (the core's PRICE_SCALE). Parsing is textual, never
 * through a float, so "0.1" is exactly 10_000_000 units and nothing rounds silently.
 */
const FRACTION_DIGITS = 8;
const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

/** The largest value exactly representable in units (2^53 - 1 units ≈ 90 million). */
export const MAX_UNITS = Number.MAX_SAFE_INTEGER;

/**
 * Parses a non-negative plain decimal ("189.25", "0.0001", "12") into 1e-8 units. Returns
 * undefined when the text is not such a number, has more than 8 fractional digits or is too big.
 */
export function parseUnits(text: string): number | undefined {
  const match = DECIMAL.exec(text);
  if (match === null) return undefined;
  const whole = match[1] ?? '';
  const fraction = match[2] ?? '';
  if (fraction.length > FRACTION_DIGITS) {
    if (!/^0*$/.test(fraction.slice(FRACTION_DIGITS))) return undefined;
  }
  const units = Number(whole) * 1e8 + Number(fraction.slice(0, FRACTION_DIGITS).padEnd(FRACTION_DIGITS, '0'));
  return Number.isSafeInteger(units) ? units : undefined;
}

/** Formats 1e-8 units as the shortest plain decimal: 18925000000 → "189.25", 0 → "0". */
export function formatUnits(units: number): string {
  const negative = units < 0;
  const magnitude = Math.abs(units);
  const whole = Math.floor(magnitude / 1e8);
  const fraction = magnitude - whole * 1e8;
  let text = String(whole);
  if (fraction !== 0) text += '.' + String(fraction).padStart(FRACTION_DIGITS, '0').replace(/0+$/, '');
  return negative ? '-' + text : text;
}
