/**
 * Why the engine rejected a command. Mirrors the "Reject reasons" table of engine/PROTOCOL.md:
 * one code range per stage (validation 1xx, risk 2xx, matching 3xx), so the stage that said no
 * is visible from the number alone.
 */
export const rejectReasonCodes = {
  UNKNOWN_COMMAND: 101,
  UNKNOWN_SYMBOL: 102,
  INVALID_SIDE: 103,
  INVALID_ORDER_TYPE: 104,
  INVALID_PRICE: 105,
  PRICE_OFF_TICK: 106,
  INVALID_QUANTITY: 107,
  QUANTITY_OFF_LOT: 108,
  INVALID_STP_MODE: 109,
  INVALID_ACCOUNT: 110,
  DUPLICATE_ORDER_ID: 111,
  UNKNOWN_ORDER: 112,
  NOT_ORDER_OWNER: 113,
  DUPLICATE_SYMBOL: 114,
  INVALID_INSTRUMENT: 115,
  INVALID_RISK_LIMITS: 116,
  AMEND_NO_CHANGE: 117,
  INVALID_TIMESTAMP: 118,
  MAX_ORDER_QUANTITY_EXCEEDED: 201,
  MAX_ORDER_NOTIONAL_EXCEEDED: 202,
  PRICE_OUTSIDE_BAND: 203,
  MAX_OPEN_ORDERS_EXCEEDED: 204,
  POSITION_LIMIT_EXCEEDED: 205,
  POST_ONLY_WOULD_CROSS: 301,
  FOK_NOT_FILLABLE: 302,
  NO_LIQUIDITY: 303,
} as const;

export type RejectReason = keyof typeof rejectReasonCodes;

export const rejectReasons = Object.keys(rejectReasonCodes) as [RejectReason, ...RejectReason[]];
