import { formatUnits, parseUnits } from '../shard/decimal.js';

/**
 * Wire decimal → slot units. Malformed text becomes NaN (not an exception), so the command
 * still goes to the core, which rejects it with INVALID_PRICE / INVALID_QUANTITY and emits the
 * reject event every bad input must leave behind.
 */
export function decimalToUnits(text: string): number {
  return parseUnits(text.trim()) ?? Number.NaN;
}

/** Optional wire decimal (empty = "unchanged" / "none") → units, 0 when empty. */
export function optionalDecimalToUnits(text: string): number {
  return text.trim() === '' ? 0 : decimalToUnits(text);
}

/**
 * Units → wire decimal. A rejected command's event echoes what the caller sent, which may be
 * NaN or a fraction of a unit; those print as '' rather than a misleading number.
 */
export function unitsToDecimal(units: number): string {
  return Number.isSafeInteger(units) ? formatUnits(units) : '';
}

/** Units → wire decimal; '' for 0 where 0 means "none" (empty book side, no trade yet). */
export function unitsToOptionalDecimal(units: number): string {
  return units === 0 ? '' : unitsToDecimal(units);
}
