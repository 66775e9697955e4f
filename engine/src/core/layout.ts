/**
 * Binary contract between the engine shell (gRPC decode, rings, workers) and the pure core.
 *
 * Commands and events are fixed-size slots of float64 values in a Float64Array (usually a view
 * over a SharedArrayBuffer ring). Every value is a number: ids are integers below 2^53, prices
 * and quantities are integers in units of 1e-8 (so 1.5 is written 150_000_000), timestamps are
 * milliseconds since the Unix epoch given by the main thread, so replaying the same commands
 * gives the same events. Field indices are offsets inside one slot. See engine/PROTOCOL.md,
 * section "Command and event slots".
 */

/** Number of float64 values in one command slot (128 bytes). */
export const COMMAND_SLOT_SIZE = 16;
/** Number of float64 values in one event slot (128 bytes). */
export const EVENT_SLOT_SIZE = 16;

/** Prices and quantities are integers in units of 1e-8 of the instrument's currency or unit. */
export const PRICE_SCALE = 100_000_000;

/** Offsets of the fields of a command slot. Fields 11–15 are reused per command kind. */
export const CommandField = {
  /** One of {@link CommandKind}. */
  KIND: 0,
  /** Caller's correlation id, echoed in every event the command causes. */
  REQUEST_ID: 1,
  /** Instrument id, 1 … MAX_SYMBOL_ID. 0 on SET_RISK_LIMITS / ADVANCE_TIME / CANCEL_ALL means every symbol of the shard. */
  SYMBOL_ID: 2,
  /** Account placing, cancelling or amending the order, whose orders CANCEL_ALL cancels, or whose limits are set (> 0; 0 = default limits). */
  ACCOUNT_ID: 3,
  /** Engine-wide unique order id (> 0), assigned by the main thread on SUBMIT. */
  ORDER_ID: 4,
  /** One of {@link Side}. On INGEST_TRADE the aggressor side (0 if unknown). */
  SIDE: 5,
  /** One of {@link OrderType}. */
  ORDER_TYPE: 6,
  /** Limit price (1e-8 units); ignored for MARKET. On INGEST_TRADE the print's price. */
  PRICE: 7,
  /** Order quantity (1e-8 units), a positive multiple of the lot size. On INGEST_TRADE the print's size. */
  QUANTITY: 8,
  /** One of {@link StpMode}; what happens when the order would trade with its own account. */
  STP_MODE: 9,
  /** Command time in ms since the epoch; drives candles. An earlier time than the symbol's latest counts as the latest. */
  TIMESTAMP_MS: 10,

  /** AMEND: new limit price, 0 = unchanged. A price change loses time priority. */
  NEW_PRICE: 11,
  /** AMEND: new open (remaining) quantity, 0 = unchanged. A decrease keeps time priority, an increase loses it. */
  NEW_QUANTITY: 12,

  /** SET_RISK_LIMITS: largest quantity of one order, 0 = no limit. */
  MAX_ORDER_QUANTITY: 11,
  /** SET_RISK_LIMITS: largest price × quantity / PRICE_SCALE of one order (1e-8 units), 0 = no limit. */
  MAX_ORDER_NOTIONAL: 12,
  /** SET_RISK_LIMITS: largest distance of a limit price from the last trade, in basis points, 0 = no band. */
  PRICE_BAND_BPS: 13,
  /** SET_RISK_LIMITS: most open orders of the account in this shard, 0 = no limit. */
  MAX_OPEN_ORDERS: 14,
  /** SET_RISK_LIMITS: largest absolute position per symbol (1e-8 units), counting open orders' worst case, 0 = no limit. */
  MAX_POSITION: 15,

  /** ADD_INSTRUMENT: price increment (1e-8 units, > 0). */
  TICK_SIZE: 11,
  /** ADD_INSTRUMENT: quantity increment (1e-8 units, > 0). */
  LOT_SIZE: 12,
} as const;

/** What a command slot asks for. */
export const CommandKind = {
  /** Place a new order. */
  SUBMIT: 1,
  /** Cancel a resting order of the same account. */
  CANCEL: 2,
  /** Change price and/or open quantity of a resting order of the same account. */
  AMEND: 3,
  /** Replace an account's pre-trade limits (accountId 0 sets the default for accounts without their own). */
  SET_RISK_LIMITS: 4,
  /** External market print: updates last price, candles and VWAP; touches no book. */
  INGEST_TRADE: 5,
  /** Register an instrument with its tick and lot size. */
  ADD_INSTRUMENT: 6,
  /** Heartbeat: only the timestamp matters; closes candles whose interval has ended. */
  ADVANCE_TIME: 7,
  /**
   * Kill switch: cancels every resting order of the account in the symbol (0 = in every symbol
   * of the shard) at once, each with the ORDER_CANCELLED a CANCEL would write.
   */
  CANCEL_ALL: 8,
} as const;
export type CommandKind = (typeof CommandKind)[keyof typeof CommandKind];

export const Side = { BUY: 1, SELL: 2 } as const;
export type Side = (typeof Side)[keyof typeof Side];

export const OrderType = {
  /** Matches what it can, rests the remainder. */
  LIMIT: 1,
  /** No price; matches what it can, cancels the remainder. */
  MARKET: 2,
  /** Immediate-or-cancel limit order: matches up to its price, cancels the remainder. */
  IOC: 3,
  /** Fill-or-kill limit order: fills completely up to its price at once, or is rejected untouched. */
  FOK: 4,
  /** Rests only; rejected if it would trade on arrival. */
  POST_ONLY: 5,
} as const;
export type OrderType = (typeof OrderType)[keyof typeof OrderType];

/** Self-trade prevention: what happens when an incoming order meets a resting order of its own account. */
export const StpMode = {
  /** Trades with itself. */
  NONE: 0,
  /** Cancels the resting order and keeps matching. */
  CANCEL_RESTING: 1,
  /** Cancels the rest of the incoming order (fills already done stay). */
  CANCEL_INCOMING: 2,
  /** Cancels both. */
  CANCEL_BOTH: 3,
} as const;
export type StpMode = (typeof StpMode)[keyof typeof StpMode];

/** Offsets of the fields of an event slot. Fields 5–15 depend on the event type. */
export const EventField = {
  /** One of {@link EventType}. */
  TYPE: 0,
  /** Per-shard sequence number, 1, 2, 3, ... without gaps. */
  SEQUENCE: 1,
  /** REQUEST_ID of the command that caused the event (for a maker's fill: the taker's command). */
  REQUEST_ID: 2,
  SYMBOL_ID: 3,
  /** TIMESTAMP_MS of the command that caused the event. */
  TIMESTAMP_MS: 4,

  // Order events (ACCEPTED, REJECTED, PARTIALLY_FILLED, FILLED, CANCELLED, AMENDED).
  ACCOUNT_ID: 5,
  ORDER_ID: 6,
  SIDE: 7,
  ORDER_TYPE: 8,
  /** The order's limit price (0 for MARKET); after AMEND the new price. */
  PRICE: 9,
  /** The order's quantity as submitted (after AMEND: filled + new open quantity). */
  QUANTITY: 10,
  /** Cumulative filled quantity. */
  FILLED_QUANTITY: 11,
  /** Open quantity still on the book (0 once filled, cancelled or rejected). */
  LEAVES_QUANTITY: 12,
  /** ORDER_REJECTED: one of {@link RejectReason}; ORDER_CANCELLED: one of {@link CancelReason}. */
  REASON: 13,
  /** PARTIALLY_FILLED / FILLED: price of this fill. */
  LAST_FILL_PRICE: 14,
  /** PARTIALLY_FILLED / FILLED: quantity of this fill. */
  LAST_FILL_QUANTITY: 15,

  // TRADE (taker fields share offsets with the order events; price and quantity too).
  TAKER_ACCOUNT_ID: 5,
  TAKER_ORDER_ID: 6,
  /** Side of the incoming (taker) order; for an ingested print the given aggressor side or 0. */
  AGGRESSOR_SIDE: 7,
  MAKER_ACCOUNT_ID: 8,
  TRADE_PRICE: 9,
  TRADE_QUANTITY: 10,
  MAKER_ORDER_ID: 11,
  /** Per-shard trade number. Maker and taker ids are 0 for an ingested external print. */
  TRADE_ID: 12,

  // QUOTE (a price of 0 with size 0 means that side is empty; last price 0 means no trade yet).
  BID_PRICE: 7,
  BID_SIZE: 8,
  ASK_PRICE: 9,
  ASK_SIZE: 10,
  LAST_PRICE: 11,
  LAST_QUANTITY: 12,
  /** Session volume-weighted average trade price (1e-8 units, not rounded to the tick). */
  VWAP: 13,
  /** Session traded quantity. */
  SESSION_VOLUME: 14,

  // CANDLE_CLOSED
  INTERVAL_MS: 7,
  OPEN_TIME_MS: 8,
  OPEN: 9,
  HIGH: 10,
  LOW: 11,
  CLOSE: 12,
  VOLUME: 13,
  TRADE_COUNT: 14,
  /** Volume-weighted average price of the candle. */
  CANDLE_VWAP: 15,

  // RISK_LIMITS_SET (ACCOUNT_ID at 5, limits at the same offsets as in the command)
  MAX_ORDER_QUANTITY: 11,
  MAX_ORDER_NOTIONAL: 12,
  PRICE_BAND_BPS: 13,
  MAX_OPEN_ORDERS: 14,
  MAX_POSITION: 15,

  // INSTRUMENT_ADDED
  TICK_SIZE: 11,
  LOT_SIZE: 12,
} as const;

export const EventType = {
  ORDER_ACCEPTED: 1,
  ORDER_REJECTED: 2,
  ORDER_PARTIALLY_FILLED: 3,
  ORDER_FILLED: 4,
  ORDER_CANCELLED: 5,
  ORDER_AMENDED: 6,
  TRADE: 7,
  QUOTE: 8,
  CANDLE_CLOSED: 9,
  RISK_LIMITS_SET: 10,
  INSTRUMENT_ADDED: 11,
} as const;
export type EventType = (typeof EventType)[keyof typeof EventType];

/**
 * Why a command was refused. One range per stage, like exchange-core's CommandResultCode:
 * 100–199 validation, 200–299 pre-trade risk, 300–399 matching. A rejected command changes no
 * book and no limit.
 */
export const RejectReason = {
  UNKNOWN_COMMAND: 101,
  UNKNOWN_SYMBOL: 102,
  INVALID_SIDE: 103,
  INVALID_ORDER_TYPE: 104,
  /** Price missing, non-positive, non-integer or not finite. */
  INVALID_PRICE: 105,
  PRICE_OFF_TICK: 106,
  /** Quantity non-positive, non-integer or not finite. */
  INVALID_QUANTITY: 107,
  QUANTITY_OFF_LOT: 108,
  INVALID_STP_MODE: 109,
  INVALID_ACCOUNT: 110,
  /** Order id not positive or already used by a live order. */
  DUPLICATE_ORDER_ID: 111,
  /** Cancel or amend of an order that is not open (never existed, filled or cancelled). */
  UNKNOWN_ORDER: 112,
  /** Cancel or amend of another account's order. */
  NOT_ORDER_OWNER: 113,
  /** ADD_INSTRUMENT for a symbol id that exists. */
  DUPLICATE_SYMBOL: 114,
  /** ADD_INSTRUMENT with a non-positive or non-integer tick or lot size. */
  INVALID_INSTRUMENT: 115,
  /** SET_RISK_LIMITS with a negative or non-finite limit. */
  INVALID_RISK_LIMITS: 116,
  /** AMEND that changes neither price nor quantity. */
  AMEND_NO_CHANGE: 117,
  /** Timestamp negative, not finite or above 2^53. */
  INVALID_TIMESTAMP: 118,

  MAX_ORDER_QUANTITY_EXCEEDED: 201,
  MAX_ORDER_NOTIONAL_EXCEEDED: 202,
  /** Limit price further from the last trade than the account's band allows (fat finger). */
  PRICE_OUTSIDE_BAND: 203,
  MAX_OPEN_ORDERS_EXCEEDED: 204,
  POSITION_LIMIT_EXCEEDED: 205,

  /** POST_ONLY order would trade on arrival. */
  POST_ONLY_WOULD_CROSS: 301,
  /** FOK order cannot be filled completely at once. */
  FOK_NOT_FILLABLE: 302,
  /** MARKET order and the opposite side of the book is empty. */
  NO_LIQUIDITY: 303,
} as const;
export type RejectReason = (typeof RejectReason)[keyof typeof RejectReason];

/** Why an accepted order left the book without being filled (ORDER_CANCELLED's REASON). */
export const CancelReason = {
  /** CANCEL or CANCEL_ALL command. */
  USER_REQUESTED: 1,
  /** Unfilled rest of a MARKET or IOC order. */
  UNFILLED_REMAINDER: 2,
  /** Self-trade prevention removed it. */
  SELF_TRADE_PREVENTION: 3,
} as const;
export type CancelReason = (typeof CancelReason)[keyof typeof CancelReason];

/** Candle intervals kept per symbol, in ms: 1 s, 1 min, 5 min, 1 h. */
export const CANDLE_INTERVALS_MS = [1_000, 60_000, 300_000, 3_600_000] as const;

/**
 * Order book depth written by `Shard.readDepth` into a caller's Float64Array: per level, in
 * order from the best price outwards, `price, quantity, orderCount`.
 */
export const DEPTH_LEVEL_SIZE = 3;
