import { EventBuffer } from './eventBuffer.js';
import { CommandField, EventField as F, EventType } from './layout.js';
import type { OrderPool } from './orderPool.js';

/**
 * Writes event slots for the command being executed: numbers them with the shard's sequence and
 * stamps them with the command's requestId and timestamp. Every writer sets all 16 fields, so
 * a reused buffer never leaks values from an earlier event.
 */
export class EventWriter {
  /** Sequence number of the last event written (the next one gets `sequence + 1`). */
  sequence = 0;
  private requestId = 0;
  /** Timestamp stamped on events; the shard moves it forward to the symbol's clock. */
  timestampMs = 0;
  out: EventBuffer = new EventBuffer(16);

  /** Starts a command: later events carry its requestId and timestamp and go to `out`. */
  begin(out: EventBuffer, requestId: number, timestampMs: number): void {
    this.out = out;
    this.requestId = requestId;
    this.timestampMs = timestampMs;
  }

  /** Claims a slot, writes the common header and zeroes fields 5–15; returns the slot's array and offset. */
  private header(type: number, symbolId: number): number {
    const offset = this.out.claim();
    const s = this.out.slots;
    s[offset] = type;
    s[offset + 1] = ++this.sequence;
    s[offset + 2] = this.requestId;
    s[offset + 3] = symbolId;
    s[offset + 4] = this.timestampMs;
    return offset;
  }

  /** An order lifecycle event (accepted, filled, cancelled, amended) from the order's slot. */
  orderEvent(type: number, symbolId: number, orders: OrderPool, order: number, reason: number, fillPrice: number, fillQuantity: number): void {
    const o = this.header(type, symbolId);
    const s = this.out.slots;
    const leaves = orders.leaves(order);
    const filled = orders.filled(order);
    s[o + 5] = orders.accountId(order);
    s[o + 6] = orders.orderId(order);
    s[o + 7] = orders.side(order);
    s[o + 8] = orders.orderType(order);
    s[o + 9] = orders.price(order);
    s[o + 10] = filled + leaves;
    s[o + 11] = filled;
    s[o + 12] = type === EventType.ORDER_CANCELLED ? 0 : leaves;
    s[o + 13] = reason;
    s[o + 14] = fillPrice;
    s[o + 15] = fillQuantity;
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

  trade(symbolId: number, takerAccountId: number, takerOrderId: number, aggressorSide: number, makerAccountId: number, makerOrderId: number, price: number, quantity: number, tradeId: number): void {
    const o = this.header(EventType.TRADE, symbolId);
    const s = this.out.slots;
    s[o + F.TAKER_ACCOUNT_ID] = takerAccountId;
    s[o + F.TAKER_ORDER_ID] = takerOrderId;
    s[o + F.AGGRESSOR_SIDE] = aggressorSide;
    s[o + F.MAKER_ACCOUNT_ID] = makerAccountId;
    s[o + F.TRADE_PRICE] = price;
    s[o + F.TRADE_QUANTITY] = quantity;
    s[o + F.MAKER_ORDER_ID] = makerOrderId;
    s[o + F.TRADE_ID] = tradeId;
    s[o + 13] = 0;
    s[o + 14] = 0;
    s[o + 15] = 0;
  }

  quote(symbolId: number, bidPrice: number, bidSize: number, askPrice: number, askSize: number, lastPrice: number, lastQuantity: number, vwap: number, sessionVolume: number): void {
    const o = this.header(EventType.QUOTE, symbolId);
    const s = this.out.slots;
    s[o + 5] = 0;
    s[o + 6] = 0;
    s[o + F.BID_PRICE] = bidPrice;
    s[o + F.BID_SIZE] = bidSize;
    s[o + F.ASK_PRICE] = askPrice;
    s[o + F.ASK_SIZE] = askSize;
    s[o + F.LAST_PRICE] = lastPrice;
    s[o + F.LAST_QUANTITY] = lastQuantity;
    s[o + F.VWAP] = vwap;
    s[o + F.SESSION_VOLUME] = sessionVolume;
    s[o + 15] = 0;
  }

  candle(symbolId: number, intervalMs: number, openTimeMs: number, open: number, high: number, low: number, close: number, volume: number, tradeCount: number, vwap: number): void {
    const o = this.header(EventType.CANDLE_CLOSED, symbolId);
    const s = this.out.slots;
    s[o + 5] = 0;
    s[o + 6] = 0;
    s[o + F.INTERVAL_MS] = intervalMs;
    s[o + F.OPEN_TIME_MS] = openTimeMs;
    s[o + F.OPEN] = open;
    s[o + F.HIGH] = high;
    s[o + F.LOW] = low;
    s[o + F.CLOSE] = close;
    s[o + F.VOLUME] = volume;
    s[o + F.TRADE_COUNT] = tradeCount;
    s[o + F.CANDLE_VWAP] = vwap;
  }

  /** RISK_LIMITS_SET, or INSTRUMENT_ADDED: account id and the five values at offsets 11–15. */
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
