import { CONTEXT_TIMESTAMP, type EventWriter } from './eventWriter.js';
import { CANDLE_INTERVALS_MS } from './layout.js';
import type { LevelPool } from './levelPool.js';
import { growF64 } from './orderPool.js';

/** Offsets in `MarketData.pendingTrade`, where callers put a trade before `recordTrade`. */
export const TRADE_PRICE = 0;
export const TRADE_QUANTITY = 1;
/** Values per symbol in `MarketData.quoted`, in QUOTE event order. */
export const QUOTED_VALUES = 8;

const INTERVAL_COUNT = CANDLE_INTERVALS_MS.length;
/** Float64 values per candle: openTime, open, high, low, close, volume, tradeCount, notional. */
const CANDLE_SIZE = 8;
const PER_SYMBOL = INTERVAL_COUNT * CANDLE_SIZE;

/**
 * Per-symbol market data, indexed by the shard's symbol index: last trade, session VWAP and
 * volume, the top of book last published in a QUOTE, and one open OHLCV candle per interval.
 * A candle exists only once it has a trade (tradeCount > 0) and closes, emitting
 * CANDLE_CLOSED, when a command's timestamp reaches the end of its epoch-aligned interval.
 */
export class MarketData {
  lastPrice = new Float64Array(16);
  lastQuantity = new Float64Array(16);
  /** Σ price × quantity of the session's trades (for VWAP). */
  sessionNotional = new Float64Array(16);
  sessionVolume = new Float64Array(16);
  /** Earliest end of an open candle, Infinity when none is open: one compare per command. */
  nextCandleEnd = new Float64Array(16).fill(Infinity);
  /** Candle state, PER_SYMBOL values per symbol. */
  candles = new Float64Array(16 * PER_SYMBOL);
  /**
   * The last published QUOTE per symbol (bidPrice, bidSize, askPrice, askSize, lastPrice,
   * lastQuantity, vwap, sessionVolume), to publish only on change.
   */
  quoted = new Float64Array(16 * QUOTED_VALUES);
  /** Price and quantity of the trade `recordTrade` applies. */
  readonly pendingTrade = new Float64Array(2);

  /** `context`: the event writer's command context, whose timestamp stamps trades and candles. */
  constructor(private readonly context: Float64Array) {}

  /** Makes room for `count` symbols. */
  ensureCapacity(count: number): void {
    const capacity = this.lastPrice.length;
    if (count <= capacity) return;
    let grown = capacity;
    while (grown < count) grown *= 2;
    this.lastPrice = growF64(this.lastPrice, grown);
    this.lastQuantity = growF64(this.lastQuantity, grown);
    this.sessionNotional = growF64(this.sessionNotional, grown);
    this.sessionVolume = growF64(this.sessionVolume, grown);
    const nextCandleEnd = new Float64Array(grown).fill(Infinity);
    nextCandleEnd.set(this.nextCandleEnd);
    this.nextCandleEnd = nextCandleEnd;
    this.candles = growF64(this.candles, grown * PER_SYMBOL);
    this.quoted = growF64(this.quoted, grown * QUOTED_VALUES);
  }

  vwap(symbol: number): number {
    const volume = this.sessionVolume[symbol]!;
    return volume === 0 ? 0 : this.sessionNotional[symbol]! / volume;
  }

  /**
   * Closes every open candle of the symbol whose interval ended at or before the command's
   * timestamp. Call before applying anything else of the command.
   */
  closeDueCandles(symbol: number, symbolId: number, events: EventWriter): void {
    const timestampMs = this.context[CONTEXT_TIMESTAMP]!;
    if (timestampMs < this.nextCandleEnd[symbol]!) return;
    const c = this.candles;
    let nextEnd = Infinity;
    for (let i = 0; i < INTERVAL_COUNT; i++) {
      const base = symbol * PER_SYMBOL + i * CANDLE_SIZE;
      const count = c[base + 6]!;
      if (count === 0) continue;
      const interval = CANDLE_INTERVALS_MS[i]!;
      const end = c[base]! + interval;
      if (timestampMs >= end) {
        events.candle(symbolId, interval, c, base);
        c[base + 6] = 0;
      } else if (end < nextEnd) nextEnd = end;
    }
    this.nextCandleEnd[symbol] = nextEnd;
  }

  /** Applies the trade in `pendingTrade` (own or ingested) to last, VWAP and the open candles. */
  recordTrade(symbol: number): void {
    const price = this.pendingTrade[TRADE_PRICE]!;
    const quantity = this.pendingTrade[TRADE_QUANTITY]!;
    const timestampMs = this.context[CONTEXT_TIMESTAMP]!;
    this.lastPrice[symbol] = price;
    this.lastQuantity[symbol] = quantity;
    const notional = price * quantity;
    this.sessionNotional[symbol] = this.sessionNotional[symbol]! + notional;
    this.sessionVolume[symbol] = this.sessionVolume[symbol]! + quantity;
    const c = this.candles;
    let nextEnd = this.nextCandleEnd[symbol]!;
    for (let i = 0; i < INTERVAL_COUNT; i++) {
      const base = symbol * PER_SYMBOL + i * CANDLE_SIZE;
      if (c[base + 6] === 0) {
        const interval = CANDLE_INTERVALS_MS[i]!;
        const openTime = timestampMs - (timestampMs % interval);
        c[base] = openTime;
        c[base + 1] = price;
        c[base + 2] = price;
        c[base + 3] = price;
        c[base + 5] = 0;
        c[base + 7] = 0;
        if (openTime + interval < nextEnd) nextEnd = openTime + interval;
      } else {
        if (price > c[base + 2]!) c[base + 2] = price;
        if (price < c[base + 3]!) c[base + 3] = price;
      }
      c[base + 4] = price;
      c[base + 5] = c[base + 5]! + quantity;
      c[base + 6] = c[base + 6]! + 1;
      c[base + 7] = c[base + 7]! + notional;
    }
    this.nextCandleEnd[symbol] = nextEnd;
  }

  /** Publishes QUOTE when the best levels (-1 = empty side) or the last trade differ from the last QUOTE. */
  publishQuoteIfChanged(symbol: number, symbolId: number, levels: LevelPool, bidLevel: number, askLevel: number, events: EventWriter): void {
    const q = this.quoted;
    const b = symbol * QUOTED_VALUES;
    const bidPrice = bidLevel === -1 ? 0 : levels.price[bidLevel]!;
    const bidSize = bidLevel === -1 ? 0 : levels.quantity[bidLevel]!;
    const askPrice = askLevel === -1 ? 0 : levels.price[askLevel]!;
    const askSize = askLevel === -1 ? 0 : levels.quantity[askLevel]!;
    const volume = this.sessionVolume[symbol]!;
    if (q[b] === bidPrice && q[b + 1] === bidSize && q[b + 2] === askPrice && q[b + 3] === askSize && q[b + 7] === volume) return;
    q[b] = bidPrice;
    q[b + 1] = bidSize;
    q[b + 2] = askPrice;
    q[b + 3] = askSize;
    q[b + 4] = this.lastPrice[symbol]!;
    q[b + 5] = this.lastQuantity[symbol]!;
    q[b + 6] = volume === 0 ? 0 : this.sessionNotional[symbol]! / volume;
    q[b + 7] = volume;
    events.quote(symbolId, q, b);
  }

  /** Candle state of one symbol (snapshots). */
  candleState(symbol: number): Float64Array {
    return this.candles.subarray(symbol * PER_SYMBOL, (symbol + 1) * PER_SYMBOL);
  }
}
