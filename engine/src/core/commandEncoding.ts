import { COMMAND_SLOT_SIZE, CommandField as C, CommandKind } from './layout.js';

/**
 * Writers of command slots, one per kind, with positional arguments so callers on a hot path
 * (the gRPC decoder, the simulator) allocate nothing. Each clears the slot first, so fields a
 * kind does not use read as 0.
 */

function clearSlot(commands: Float64Array, slot: number, kind: CommandKind, requestId: number, symbolId: number, timestampMs: number): number {
  const base = slot * COMMAND_SLOT_SIZE;
  commands.fill(0, base, base + COMMAND_SLOT_SIZE);
  commands[base + C.KIND] = kind;
  commands[base + C.REQUEST_ID] = requestId;
  commands[base + C.SYMBOL_ID] = symbolId;
  commands[base + C.TIMESTAMP_MS] = timestampMs;
  return base;
}

export function encodeSubmit(commands: Float64Array, slot: number, requestId: number, symbolId: number, accountId: number, orderId: number, side: number, orderType: number, price: number, quantity: number, stpMode: number, timestampMs: number): void {
  const base = clearSlot(commands, slot, CommandKind.SUBMIT, requestId, symbolId, timestampMs);
  commands[base + C.ACCOUNT_ID] = accountId;
  commands[base + C.ORDER_ID] = orderId;
  commands[base + C.SIDE] = side;
  commands[base + C.ORDER_TYPE] = orderType;
  commands[base + C.PRICE] = price;
  commands[base + C.QUANTITY] = quantity;
  commands[base + C.STP_MODE] = stpMode;
}

export function encodeCancel(commands: Float64Array, slot: number, requestId: number, symbolId: number, accountId: number, orderId: number, timestampMs: number): void {
  const base = clearSlot(commands, slot, CommandKind.CANCEL, requestId, symbolId, timestampMs);
  commands[base + C.ACCOUNT_ID] = accountId;
  commands[base + C.ORDER_ID] = orderId;
}

/** `symbolId` 0 cancels the account's orders in every symbol of the shard. */
export function encodeCancelAll(commands: Float64Array, slot: number, requestId: number, symbolId: number, accountId: number, timestampMs: number): void {
  const base = clearSlot(commands, slot, CommandKind.CANCEL_ALL, requestId, symbolId, timestampMs);
  commands[base + C.ACCOUNT_ID] = accountId;
}

/** `newPrice` / `newQuantity` 0 leave that field unchanged; `newQuantity` is the new open quantity. */
export function encodeAmend(commands: Float64Array, slot: number, requestId: number, symbolId: number, accountId: number, orderId: number, newPrice: number, newQuantity: number, timestampMs: number): void {
  const base = clearSlot(commands, slot, CommandKind.AMEND, requestId, symbolId, timestampMs);
  commands[base + C.ACCOUNT_ID] = accountId;
  commands[base + C.ORDER_ID] = orderId;
  commands[base + C.NEW_PRICE] = newPrice;
  commands[base + C.NEW_QUANTITY] = newQuantity;
}

/** Limits of `accountId` (0 = defaults); 0 in a limit means no limit. */
export function encodeSetRiskLimits(commands: Float64Array, slot: number, requestId: number, symbolId: number, accountId: number, maxOrderQuantity: number, maxOrderNotional: number, priceBandBps: number, maxOpenOrders: number, maxPosition: number, timestampMs: number): void {
  const base = clearSlot(commands, slot, CommandKind.SET_RISK_LIMITS, requestId, symbolId, timestampMs);
  commands[base + C.ACCOUNT_ID] = accountId;
  commands[base + C.MAX_ORDER_QUANTITY] = maxOrderQuantity;
  commands[base + C.MAX_ORDER_NOTIONAL] = maxOrderNotional;
  commands[base + C.PRICE_BAND_BPS] = priceBandBps;
  commands[base + C.MAX_OPEN_ORDERS] = maxOpenOrders;
  commands[base + C.MAX_POSITION] = maxPosition;
}

export function encodeIngestTrade(commands: Float64Array, slot: number, requestId: number, symbolId: number, aggressorSide: number, price: number, quantity: number, timestampMs: number): void {
  const base = clearSlot(commands, slot, CommandKind.INGEST_TRADE, requestId, symbolId, timestampMs);
  commands[base + C.SIDE] = aggressorSide;
  commands[base + C.PRICE] = price;
  commands[base + C.QUANTITY] = quantity;
}

export function encodeAddInstrument(commands: Float64Array, slot: number, requestId: number, symbolId: number, tickSize: number, lotSize: number, timestampMs: number): void {
  const base = clearSlot(commands, slot, CommandKind.ADD_INSTRUMENT, requestId, symbolId, timestampMs);
  commands[base + C.TICK_SIZE] = tickSize;
  commands[base + C.LOT_SIZE] = lotSize;
}

/** `symbolId` 0 advances every symbol of the shard. */
export function encodeAdvanceTime(commands: Float64Array, slot: number, requestId: number, symbolId: number, timestampMs: number): void {
  clearSlot(commands, slot, CommandKind.ADVANCE_TIME, requestId, symbolId, timestampMs);
}
