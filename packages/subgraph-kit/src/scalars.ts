import { GraphQLScalarType, Kind, print, type ValueNode } from 'graphql';
import { badUserInput } from '@mib/errors';

/** Anything that prints itself exactly as a decimal: Prisma's Decimal, or a string already. */
export type DecimalOutput = string | { toFixed(): string };

// Plain decimal notation only: no exponent, no NaN/Infinity, so values round-trip exactly.
const DECIMAL_PATTERN = /^-?\d{1,20}(\.\d{1,8})?$/;

function parseDecimal(value: unknown, shown = JSON.stringify(value)): string {
  if (typeof value === 'string' && DECIMAL_PATTERN.test(value)) return value;
  throw badUserInput(`Decimal must be a string like "189.25" (up to 8 fractional digits), got ${shown}`);
}

/** A literal's value for a scalar read from strings: the string, or the literal as written. */
const stringLiteral = (ast: ValueNode): [unknown, string] =>
  ast.kind === Kind.STRING ? [ast.value, JSON.stringify(ast.value)] : [undefined, print(ast)];

/**
 * Exact decimal numbers (prices, quantities, money) as strings on the wire: JSON numbers are
 * IEEE doubles and would silently round.
 */
export const DecimalScalar = new GraphQLScalarType<string, string>({
  name: 'Decimal',
  description: 'An exact decimal number, serialised as a string such as "189.25".',
  serialize: (value) => (typeof value === 'string' ? value : (value as { toFixed(): string }).toFixed()),
  parseValue: parseDecimal,
  parseLiteral: (ast) => parseDecimal(...stringLiteral(ast)),
});

/** `2026-11-24T10:02:00Z`, `…:00.123+01:00`: a date, a time, and always a zone. */
const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

/**
 * An instant from an ISO-8601 string with a zone (`Z` or `±hh:mm`): without one, `Date` would
 * read it in the server's time zone; and a date that does not exist (30 February, 24:00) is
 * refused rather than rolled over into the next one.
 */
function parseDateTime(value: unknown, shown = JSON.stringify(value)): Date {
  const parts = typeof value === 'string' ? ISO_INSTANT.exec(value) : null;
  if (parts) {
    const field = (group: number) => Number(parts[group] ?? 0);
    const [year, month, day] = [field(1), field(2), field(3)];
    const calendar = new Date(Date.UTC(year, month - 1, day));
    const exists =
      calendar.getUTCFullYear() === year &&
      calendar.getUTCMonth() === month - 1 &&
      calendar.getUTCDate() === day &&
      field(4) < 24 &&
      field(5) < 60 &&
      field(6) < 60 &&
      field(7) < 24 &&
      field(8) < 60;
    const date = new Date(parts[0]);
    if (exists && !Number.isNaN(date.getTime())) return date;
  }
  throw badUserInput(
    `DateTime must be an ISO-8601 instant with a zone, like 2026-11-24T10:02:00Z; got ${shown}`,
  );
}

/** An instant as an ISO-8601 string in UTC. */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'An instant, serialised as an ISO-8601 string in UTC.',
  serialize: (value) => (value instanceof Date ? value : new Date(value as string)).toISOString(),
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(...stringLiteral(ast)),
});
