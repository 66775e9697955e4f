/**
 * Field schemas shared by the envelope and the payloads (PROTOCOL.md, "Envelope").
 */
import { z } from 'zod';

/**
 * A plain decimal: optional `-`, digits, optional fraction. No exponent or `+`, so the string
 * converts exactly to the engine's fixed point and to PostgreSQL `numeric`.
 */
const decimalMessage = 'must be a decimal string such as "101.25"';
export const decimal = z.string({ error: decimalMessage }).regex(/^-?\d+(\.\d+)?$/, decimalMessage);

/** A decimal that cannot be negative: quantities, sizes, volumes. */
const nonNegativeMessage = 'must be a non-negative decimal string such as "10.5"';
export const nonNegativeDecimal = z
  .string({ error: nonNegativeMessage })
  .regex(/^\d+(\.\d+)?$/, nonNegativeMessage);

/** Opaque identifier (order, account, trade, request). */
export const id = z.string().min(1);

/** ISO-8601 instant in UTC (`Z`), millisecond precision or finer. */
export const isoInstant = z.iso.datetime({ offset: false });

export const side = z.enum(['BUY', 'SELL']);
export type Side = z.infer<typeof side>;

export const orderType = z.enum(['LIMIT', 'MARKET', 'IOC', 'FOK', 'POST_ONLY']);
export type OrderType = z.infer<typeof orderType>;
