import { Kind } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DateTimeScalar, DecimalScalar } from '../src/scalars.js';

const parse = (value: unknown) => DateTimeScalar.parseValue(value);
const code = (value: unknown): unknown => {
  try {
    parse(value);
    return 'accepted';
  } catch (error) {
    return (error as { extensions?: { code?: unknown } }).extensions?.code;
  }
};

describe('a literal that is not a string', () => {
  it('is named as written, so the client sees what to quote', () => {
    const number = { kind: Kind.FLOAT, value: '228.5' } as const;
    expect(() => DecimalScalar.parseLiteral(number, {})).toThrow(/got 228\.5$/);
    expect(() => DateTimeScalar.parseLiteral({ kind: Kind.INT, value: '1732442520000' }, {})).toThrow(
      /got 1732442520000$/,
    );
  });
});

describe('DateTime', () => {
  it('reads instants with a zone, to the millisecond', () => {
    expect(parse('2026-11-24T10:02:00Z').toISOString()).toBe('2026-11-24T10:02:00.000Z');
    expect(parse('2026-11-24T10:02:00.123+01:00').toISOString()).toBe('2026-11-24T09:02:00.123Z');
    expect(parse('2024-02-29T23:59:59-05:30').toISOString()).toBe('2024-03-01T05:29:59.000Z');
    expect(parse('2026-11-24T10:02Z').toISOString()).toBe('2026-11-24T10:02:00.000Z');
    expect(
      DateTimeScalar.parseLiteral({ kind: Kind.STRING, value: '2026-11-24T10:02:00Z' }, {}).toISOString(),
    ).toBe('2026-11-24T10:02:00.000Z');
  });

  it('refuses a time without a zone, a date that does not exist and anything not ISO-8601', () => {
    for (const value of [
      '2026-11-24T10:02:00', // read in the server's zone otherwise
      '2026-02-30T00:00:00Z', // rolled over into March otherwise
      '2025-02-29T00:00:00Z',
      '2026-11-24T24:00:00Z',
      '2026-11-24T10:60:00Z',
      '2026-11-24T10:02:00+25:00',
      '2026-11-24',
      'yesterday',
      '1732442520000',
      1732442520000,
      null,
    ])
      expect(code(value), String(value)).toBe('BAD_USER_INPUT');
  });
});
