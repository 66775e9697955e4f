import type { EventWriter } from './eventWriter.js';
import { CANDLE_INTERVALS_MS } from './layout.js';
import { growF64 } from './orderPool.js';

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
  /** Top of book and last trade as last published, to publish QUOTE only on change. */
  quoted = new Float64Array(16 * 6);

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
    this.quoted = growF64(this.quoted, grown * 6);
  }

  vwap(symbol: number): number {
    const volume = this.sessionVolume[symbol]!;
    return volume === 0 ? 0 : this.sessionNotional[symbol]! / volume;
  }

  /**
   * Closes every open candle of the symbol whose interval ended at or before `timestampMs`.
   * Call before applying anything of a command stamped `timestampMs`.
   */
  closeDueCandles(symbol: number, symbolId: number, timestampMs: number, events: EventWriter): void {
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
        events.candle(symbolId, interval, c[base]!, c[base + 1]!, c[base + 2]!, c[base + 3]!, c[base + 4]!, c[base + 5]!, count, c[base + 7]! / c[base + 5]!);
        c[base + 6] = 0;
      } else if (end < nextEnd) nextEnd = end;
    }
    this.nextCandleEnd[symbol] = nextEnd;
  }

  /** Applies a trade (own or ingested) to last, VWAP and the open candles. */
  recordTrade(symbol: number, price: number, quantity: number, timestampMs: number): void {
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

  /** Publishes QUOTE when the top of book or the last trade differs from the last QUOTE. */
  publishQuoteIfChanged(symbol: number, symbolId: number, bidPrice: number, bidSize: number, askPrice: number, askSize: number, events: EventWriter): void {
    const q = this.quoted;
    const b = symbol * 6;
    const lastPrice = this.lastPrice[symbol]!;
    const lastQuantity = this.lastQuantity[symbol]!;
    const volume = this.sessionVolume[symbol]!;
    if (q[b] === bidPrice && q[b + 1] === bidSize && q[b + 2] === askPrice && q[b + 3] === askSize && q[b + 4] === lastPrice && q[b + 5] === volume) return;
    q[b] = bidPrice;
    q[b + 1] = bidSize;
    q[b + 2] = askPrice;
    q[b + 3] = askSize;
    q[b + 4] = lastPrice;
    q[b + 5] = volume;
    events.quote(symbolId, bidPrice, bidSize, askPrice, askSize, lastPrice, lastQuantity, this.vwap(symbol), volume);
  }

  /** Candle state of one symbol (snapshots). */
  candleState(symbol: number): Float64Array {
    return this.candles.subarray(symbol * PER_SYMBOL, (symbol + 1) * PER_SYMBOL);
  }
}
