/**
 * Field schemas shared by the envelope and the payloads (PROTOCOL.md, "Envelope").
 */
import { z } from 'zod';

/**
 * A plain decimal: optional `-`, digits, optional fraction. No exponent or `+`, so the string
 * converts exactly to the engine's fixed point and to PostgreSQL `numeric`.
 */
export const decimal = z.string().regex(/^-?\d+(\.\d+)?$/, 'must be a decimal string such as "101.25"');

/** A decimal that cannot be negative: quantities, sizes, volumes. */
export const nonNegativeDecimal = z.string().regex(/^\d+(\.\d+)?$/, 'must be a non-negative decimal string such as "10.5"');

/** Opaque identifier (order, account, trade, request). */
export const id = z.string().min(1);

/** ISO-8601 instant in UTC (`Z`), millisecond precision or finer. */
export const isoInstant = z.iso.datetime({ offset: false });

export const side = z.enum(['BUY', 'SELL']);
export type Side = z.infer<typeof side>;

export const orderType = z.enum(['LIMIT', 'MARKET', 'IOC', 'FOK', 'POST_ONLY']);
export type OrderType = z.infer<typeof orderType>;
