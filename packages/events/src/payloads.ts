/**
 * Payload schemas, one per event type (PROTOCOL.md, "Event types"). Objects are strict: a field
 * this version does not know is an error, not something to drop silently.
 */
import { z } from 'zod';
import { decimal, id, isoInstant, nonNegativeDecimal, orderType, side } from './fields.js';
import { rejectReasonCodes, rejectReasons } from './rejectReasons.js';

/** An order as it stands after the event; shared by every `order.*` event but the rejection. */
export const orderState = z.strictObject({
  orderId: id,
  accountId: id,
  symbol: id,
  requestId: id.nullable(),
  side,
  orderType,
  price: decimal.nullable(),
  quantity: nonNegativeDecimal,
  filledQuantity: nonNegativeDecimal,
  leavesQuantity: nonNegativeDecimal,
});
export type OrderState = z.infer<typeof orderState>;

export const orderRejected = z
  .strictObject({
    orderId: id,
    accountId: id,
    symbol: id,
    requestId: id.nullable(),
    command: z.enum(['SUBMIT', 'CANCEL', 'AMEND']),
    reason: z.enum(rejectReasons),
    reasonCode: z.number().int(),
  })
  .refine((rejection) => rejectReasonCodes[rejection.reason] === rejection.reasonCode, {
    message: 'reasonCode does not match reason',
    path: ['reasonCode'],
  });
export type OrderRejected = z.infer<typeof orderRejected>;

/** A fill of one order: the order after the fill plus the fill itself. */
export const orderFill = orderState.extend({
  tradeId: id,
  lastFillPrice: decimal,
  lastFillQuantity: nonNegativeDecimal,
});
export type OrderFill = z.infer<typeof orderFill>;

export const cancelReason = z.enum(['USER_REQUESTED', 'UNFILLED_REMAINDER', 'SELF_TRADE_PREVENTION']);
export type CancelReason = z.infer<typeof cancelReason>;

export const orderCancelled = orderState.extend({ reason: cancelReason });
export type OrderCancelled = z.infer<typeof orderCancelled>;

/** One side of a trade; null on a trade for an external print, which has no order behind it. */
const tradeParty = z.strictObject({ orderId: id, accountId: id }).nullable();

export const trade = z.strictObject({
  tradeId: id,
  symbol: id,
  price: decimal,
  quantity: nonNegativeDecimal,
  aggressorSide: side.nullable(),
  taker: tradeParty,
  maker: tradeParty,
});
export type Trade = z.infer<typeof trade>;

/** Top of book and last trade; null prices mean an empty side or no trade yet. */
export const quote = z.strictObject({
  symbol: id,
  bidPrice: decimal.nullable(),
  bidSize: nonNegativeDecimal.nullable(),
  askPrice: decimal.nullable(),
  askSize: nonNegativeDecimal.nullable(),
  lastPrice: decimal.nullable(),
  lastQuantity: nonNegativeDecimal.nullable(),
  vwap: decimal.nullable(),
  sessionVolume: nonNegativeDecimal,
});
export type Quote = z.infer<typeof quote>;

/** Candle intervals, named like the `CandleInterval` enum of the database. */
export const candleInterval = z.enum(['S1', 'M1', 'M5', 'H1', 'D1']);
export type CandleInterval = z.infer<typeof candleInterval>;

export const candleClosed = z.strictObject({
  symbol: id,
  interval: candleInterval,
  openTime: isoInstant,
  open: decimal,
  high: decimal,
  low: decimal,
  close: decimal,
  volume: nonNegativeDecimal,
  vwap: decimal,
  tradeCount: z.number().int().min(1),
});
export type CandleClosed = z.infer<typeof candleClosed>;

export const riskAlert = z.strictObject({
  accountId: id,
  symbol: id.nullable(),
  severity: z.enum(['INFO', 'WARNING', 'CRITICAL']),
  kind: z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'must be UPPER_SNAKE_CASE'),
  message: z.string().min(1),
  limit: decimal.nullable(),
  value: decimal.nullable(),
});
export type RiskAlert = z.infer<typeof riskAlert>;
