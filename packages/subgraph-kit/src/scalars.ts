import { GraphQLScalarType, Kind } from 'graphql';
import { badUserInput } from '@mib/errors';

/** Anything that prints itself exactly as a decimal: Prisma's Decimal, or a string already. */
export type DecimalOutput = string | { toFixed(): string };

// Plain decimal notation only: no exponent, no NaN/Infinity, so values round-trip exactly.
const DECIMAL_PATTERN = /^-?\d{1,20}(\.\d{1,8})?$/;

function parseDecimal(value: unknown): string {
  if (typeof value === 'string' && DECIMAL_PATTERN.test(value)) return value;
  throw badUserInput(
    `Decimal must be a string like "189.25" (up to 8 fractional digits), got ${JSON.stringify(value)}`,
  );
}

/**
 * Exact decimal numbers (prices, quantities, money) as strings on the wire: JSON numbers are
 * IEEE doubles and would silently round.
 */
export const DecimalScalar = new GraphQLScalarType<string, string>({
  name: 'Decimal',
  description: 'An exact decimal number, serialised as a string such as "189.25".',
  serialize: (value) => (typeof value === 'string' ? value : (value as { toFixed(): string }).toFixed()),
  parseValue: parseDecimal,
  parseLiteral: (ast) => parseDecimal(ast.kind === Kind.STRING ? ast.value : undefined),
});

function parseDateTime(value: unknown): Date {
  const date = typeof value === 'string' ? new Date(value) : undefined;
  if (date && !Number.isNaN(date.getTime()) && /^\d{4}-\d{2}-\d{2}T/.test(value as string)) return date;
  throw badUserInput(`DateTime must be an ISO-8601 string, got ${JSON.stringify(value)}`);
}

/** An instant as an ISO-8601 string in UTC. */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'An instant, serialised as an ISO-8601 string in UTC.',
  serialize: (value) => (value instanceof Date ? value : new Date(value as string)).toISOString(),
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : undefined),
});
