import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatUnits, parseUnits } from '../src/shard/decimal.js';

describe('decimal units', () => {
  it('parses plain decimals exactly', () => {
    expect(parseUnits('189.25')).toBe(18_925_000_000);
    expect(parseUnits('0.1')).toBe(10_000_000);
    expect(parseUnits('0.00000001')).toBe(1);
    expect(parseUnits('12')).toBe(1_200_000_000);
    expect(parseUnits('1.500000000')).toBe(150_000_000);
  });

  it('refuses what is not a plain non-negative decimal of at most 8 places', () => {
    for (const bad of ['', '-1', '1e5', '1.', '.5', 'abc', '0.000000001', ' 1', 'NaN', '99999999999']) {
      expect(parseUnits(bad), bad).toBeUndefined();
    }
  });

  it('formats units as the shortest decimal', () => {
    expect(formatUnits(18_925_000_000)).toBe('189.25');
    expect(formatUnits(0)).toBe('0');
    expect(formatUnits(1)).toBe('0.00000001');
    expect(formatUnits(-150_000_000)).toBe('-1.5');
  });

  it('round-trips every safe unit count', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (units) => parseUnits(formatUnits(units)) === units));
  });
});
