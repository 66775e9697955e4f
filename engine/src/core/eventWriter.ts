import { EventBuffer } from './eventBuffer.js';
import { CommandField, EventField as F, EventType } from './layout.js';
import type { OrderPool } from './orderPool.js';

/** Offsets in `EventWriter.context`. */
export const CONTEXT_REQUEST_ID = 0;
/** The command's effective timestamp (the symbol's clock). */
export const CONTEXT_TIMESTAMP = 1;

/**
 * Writes event slots for the command being executed: numbers them with the shard's sequence and
 * stamps them with the command's requestId and timestamp. Every writer sets all 16 fields, so
 * a reused buffer never leaks values from an earlier event. Writers take slots and indices and
 * read the doubles themselves (see OrderPool on why doubles do not travel as arguments).
 */
export class EventWriter {
  /** Sequence number of the last event written (the next one gets `sequence + 1`). */
  sequence = 0;
  /** requestId and timestamp of the executing command, set by the shard before each command. */
  readonly context = new Float64Array(2);
  out: EventBuffer = new EventBuffer(16);

  /** Claims a slot and writes the common header; returns the slot's offset in `out.slots`. */
  private header(type: number, symbolId: number): number {
    const offset = this.out.claim();
    const s = this.out.slots;
    s[offset] = type;
    s[offset + 1] = ++this.sequence;
    s[offset + 2] = this.context[CONTEXT_REQUEST_ID]!;
    s[offset + 3] = symbolId;
    s[offset + 4] = this.context[CONTEXT_TIMESTAMP]!;
    return offset;
  }

  /**
   * An order lifecycle event (accepted, filled, cancelled, amended) from the order's slot; fill
   * events carry the fill being applied (`OrderPool.fillPrice`, `fillQuantity`).
   */
  orderEvent(type: number, symbolId: number, orders: OrderPool, order: number, reason: number): void {
    const o = this.header(type, symbolId);
    const s = this.out.slots;
    const leaves = orders.leaves(order);
    const filled = orders.filled(order);
    const isFill = type === EventType.ORDER_FILLED || type === EventType.ORDER_PARTIALLY_FILLED;
    s[o + 5] = orders.accountId(order);
    s[o + 6] = orders.orderId(order);
    s[o + 7] = orders.side(order);
    s[o + 8] = orders.orderType(order);
    s[o + 9] = orders.price(order);
    s[o + 10] = filled + leaves;
    s[o + 11] = filled;
    s[o + 12] = type === EventType.ORDER_CANCELLED ? 0 : leaves;
    s[o + 13] = reason;
    s[o + 14] = isFill ? orders.fillPrice() : 0;
    s[o + 15] = isFill ? orders.fillQuantity() : 0;
  }

  /** ORDER_REJECTED for the command at `base` in `commands`, echoing its order fields. */
  reject(commands: Float64Array, base: number, reason: number): void {
    const o = this.header(EventType.ORDER_REJECTED, commands[base + CommandField.SYMBOL_ID]!);
    const s = this.out.slots;
    s[o + 5] = commands[base + CommandField.ACCOUNT_ID]!;
    s[o + 6] = commands[base + CommandField.ORDER_ID]!;
    s[o + 7] = commands[base + CommandField.SIDE]!;
    s[o + 8] = commands[base + CommandField.ORDER_TYPE]!;
    s[o + 9] = commands[base + CommandField.PRICE]!;
    s[o + 10] = commands[base + CommandField.QUANTITY]!;
    s[o + 11] = 0;
    s[o + 12] = 0;
    s[o + 13] = reason;
    s[o + 14] = 0;
    s[o + 15] = 0;
  }

  /** TRADE between an incoming order and a resting one, at the fill being applied. */
  trade(symbolId: number, orders: OrderPool, taker: number, maker: number, tradeId: number): void {
    const o = this.header(EventType.TRADE, symbolId);
    const s = this.out.slots;
    s[o + F.TAKER_ACCOUNT_ID] = orders.accountId(taker);
    s[o + F.TAKER_ORDER_ID] = orders.orderId(taker);
    s[o + F.AGGRESSOR_SIDE] = orders.side(taker);
    s[o + F.MAKER_ACCOUNT_ID] = orders.accountId(maker);
    s[o + F.TRADE_PRICE] = orders.fillPrice();
    s[o + F.TRADE_QUANTITY] = orders.fillQuantity();
    s[o + F.MAKER_ORDER_ID] = orders.orderId(maker);
    s[o + F.TRADE_ID] = tradeId;
    s[o + 13] = 0;
    s[o + 14] = 0;
    s[o + 15] = 0;
  }

  /** TRADE for an external print: price and size from the command slot, no orders. */
  print(commands: Float64Array, base: number, symbolId: number, aggressorSide: number, tradeId: number): void {
    const o = this.header(EventType.TRADE, symbolId);
    const s = this.out.slots;
    for (let i = 5; i <= 15; i++) s[o + i] = 0;
    s[o + F.AGGRESSOR_SIDE] = aggressorSide;
    s[o + F.TRADE_PRICE] = commands[base + CommandField.PRICE]!;
    s[o + F.TRADE_QUANTITY] = commands[base + CommandField.QUANTITY]!;
    s[o + F.TRADE_ID] = tradeId;
  }

  /** QUOTE from `values` at `at`: bidPrice, bidSize, askPrice, askSize, lastPrice, lastQuantity, vwap, sessionVolume. */
  quote(symbolId: number, values: Float64Array, at: number): void {
    const o = this.header(EventType.QUOTE, symbolId);
    const s = this.out.slots;
    s[o + 5] = 0;
    s[o + 6] = 0;
    for (let i = 0; i < 8; i++) s[o + F.BID_PRICE + i] = values[at + i]!;
    s[o + 15] = 0;
  }

  /** CANDLE_CLOSED from candle state at `at`: openTime, open, high, low, close, volume, tradeCount, notional. */
  candle(symbolId: number, intervalMs: number, candles: Float64Array, at: number): void {
    const o = this.header(EventType.CANDLE_CLOSED, symbolId);
    const s = this.out.slots;
    s[o + 5] = 0;
    s[o + 6] = 0;
    s[o + F.INTERVAL_MS] = intervalMs;
    for (let i = 0; i < 7; i++) s[o + F.OPEN_TIME_MS + i] = candles[at + i]!;
    s[o + F.CANDLE_VWAP] = candles[at + 7]! / candles[at + 5]!;
  }

  /** RISK_LIMITS_SET, or INSTRUMENT_ADDED: account id and the five values at offsets 11–15 (not on the hot path). */
  settings(type: number, symbolId: number, accountId: number, v11: number, v12: number, v13: number, v14: number, v15: number): void {
    const o = this.header(type, symbolId);
    const s = this.out.slots;
    s[o + 5] = accountId;
    for (let i = 6; i <= 10; i++) s[o + i] = 0;
    s[o + 11] = v11;
    s[o + 12] = v12;
    s[o + 13] = v13;
    s[o + 14] = v14;
    s[o + 15] = v15;
  }
}
