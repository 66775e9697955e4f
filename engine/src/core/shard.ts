import { cancelAccountOrders } from './cancelAll.js';
import type { EventBuffer } from './eventBuffer.js';
import { CONTEXT_REQUEST_ID, CONTEXT_TIMESTAMP } from './eventWriter.js';
import { COMMAND_SLOT_SIZE, CommandField as C, CommandKind, DEPTH_LEVEL_SIZE, EventType, RejectReason, Side } from './layout.js';
import { TRADE_PRICE, TRADE_QUANTITY } from './marketData.js';
import { amendOrder, cancelOrder, submitOrder } from './orderCommands.js';
import { MAX_SYMBOL_ID, ShardState, type ShardOptions } from './shardState.js';
import { readSnapshot, writeSnapshot } from './snapshot.js';

/** Values `Shard.readQuote` writes: bidPrice, bidSize, askPrice, askSize, lastPrice, lastQuantity, vwap, sessionVolume. */
export const QUOTE_VALUES = 8;

/** An instrument a shard starts with (prices and quantities in 1e-8 units). */
export interface InstrumentSpec {
  symbolId: number;
  tickSize: number;
  lotSize: number;
}

/** A resting order as tests and tools see it (not used on the hot path). */
export interface RestingOrder {
  orderId: number;
  accountId: number;
  side: Side;
  price: number;
  /** Open quantity. */
  leaves: number;
  filled: number;
}

/**
 * The single-threaded core of one engine shard: executes command slots against its books, risk
 * and market data tables, and appends the resulting event slots to a caller's buffer. No I/O,
 * no clock (time comes in the commands), no allocation per command once warm.
 */
export class Shard {
  /** The shard's state; exposed for snapshots and tests, not for mutation. */
  readonly state: ShardState;

  constructor(instruments: readonly InstrumentSpec[] = [], options: ShardOptions = {}) {
    this.state = new ShardState(options);
    for (const spec of instruments) {
      if (!validInstrument(spec.symbolId, spec.tickSize, spec.lotSize) || this.state.symbolIndexOf(spec.symbolId) !== -1) {
        throw new RangeError(`invalid or duplicate instrument ${spec.symbolId}`);
      }
      this.state.addSymbol(spec.symbolId, spec.tickSize, spec.lotSize);
    }
  }

  /** Sequence number of the last event written. */
  get sequence(): number {
    return this.state.events.sequence;
  }

  /** Executes the command in slot `slotIndex` of `commands`, appending its events to `out`. */
  execute(commands: Float64Array, slotIndex: number, out: EventBuffer): void {
    const state = this.state;
    const events = state.events;
    const base = slotIndex * COMMAND_SLOT_SIZE;
    const kind = commands[base + C.KIND]!;
    const timestampMs = commands[base + C.TIMESTAMP_MS]!;
    events.out = out;
    events.context[CONTEXT_REQUEST_ID] = commands[base + C.REQUEST_ID]!;
    events.context[CONTEXT_TIMESTAMP] = timestampMs;
    if (!(timestampMs >= 0 && timestampMs <= Number.MAX_SAFE_INTEGER)) return events.reject(commands, base, RejectReason.INVALID_TIMESTAMP);

    if (kind === CommandKind.ADD_INSTRUMENT) return this.addInstrument(commands, base);
    if (kind === CommandKind.SET_RISK_LIMITS) return this.setRiskLimits(commands, base);
    if (kind === CommandKind.CANCEL_ALL) return this.cancelAll(commands, base);
    const symbolId = commands[base + C.SYMBOL_ID]!;
    if (kind === CommandKind.ADVANCE_TIME && symbolId === 0) {
      for (let s = 0; s < state.symbolCount; s++) {
        events.context[CONTEXT_TIMESTAMP] = timestampMs;
        this.advanceClock(s);
      }
      return;
    }
    if (!(kind >= CommandKind.SUBMIT && kind <= CommandKind.ADVANCE_TIME)) return events.reject(commands, base, RejectReason.UNKNOWN_COMMAND);
    const symbol = state.symbolIndexOf(symbolId);
    if (symbol === -1) return events.reject(commands, base, RejectReason.UNKNOWN_SYMBOL);
    this.advanceClock(symbol);

    if (kind === CommandKind.SUBMIT) submitOrder(state, commands, base, symbol);
    else if (kind === CommandKind.CANCEL) cancelOrder(state, commands, base, symbol);
    else if (kind === CommandKind.AMEND) amendOrder(state, commands, base, symbol);
    else if (kind === CommandKind.INGEST_TRADE) this.ingestTrade(commands, base, symbol);
    else return;
    this.publishQuote(symbol);
  }

  /** Executes `count` consecutive slots starting at `firstSlot`. */
  executeBatch(commands: Float64Array, firstSlot: number, count: number, out: EventBuffer): void {
    for (let i = 0; i < count; i++) this.execute(commands, firstSlot + i, out);
  }

  /**
   * Moves the symbol's clock to the command's timestamp (never backwards: an earlier stamp
   * counts as the symbol's latest, in the context too) and closes candles that ended.
   */
  private advanceClock(symbol: number): void {
    const state = this.state;
    const context = state.events.context;
    const clock = state.clock[symbol]!;
    if (context[CONTEXT_TIMESTAMP]! < clock) context[CONTEXT_TIMESTAMP] = clock;
    else state.clock[symbol] = context[CONTEXT_TIMESTAMP]!;
    if (context[CONTEXT_TIMESTAMP]! >= state.marketData.nextCandleEnd[symbol]!) state.marketData.closeDueCandles(symbol, state.symbolIds[symbol]!, state.events);
  }

  /** QUOTE for the symbol when its top of book or last trade changed since the last one. */
  private publishQuote(symbol: number): void {
    const state = this.state;
    const book = state.books[symbol]!;
    state.marketData.publishQuoteIfChanged(symbol, state.symbolIds[symbol]!, state.levels, book.bids.best(), book.asks.best(), state.events);
  }

  /**
   * CANCEL_ALL: validated before anything moves (a rejected one changes nothing, not even a
   * clock), then per symbol, as other order commands: the clock, the cancels, the quote. Symbol 0
   * takes every symbol of the shard in listing order, each clock advanced as ADVANCE_TIME does.
   */
  private cancelAll(commands: Float64Array, base: number): void {
    const state = this.state;
    const symbolId = commands[base + C.SYMBOL_ID]!;
    const first = symbolId === 0 ? 0 : state.symbolIndexOf(symbolId);
    if (first === -1) return state.events.reject(commands, base, RejectReason.UNKNOWN_SYMBOL);
    if (!isId(commands[base + C.ACCOUNT_ID]!)) return state.events.reject(commands, base, RejectReason.INVALID_ACCOUNT);
    const account = state.risk.findAccount(commands[base + C.ACCOUNT_ID]!);
    const end = symbolId === 0 ? state.symbolCount : first + 1;
    for (let symbol = first; symbol < end; symbol++) {
      state.events.context[CONTEXT_TIMESTAMP] = commands[base + C.TIMESTAMP_MS]!;
      this.advanceClock(symbol);
      cancelAccountOrders(state, account, symbol);
      this.publishQuote(symbol);
    }
  }

  private ingestTrade(commands: Float64Array, base: number, symbol: number): void {
    const state = this.state;
    const price = commands[base + C.PRICE]!;
    const quantity = commands[base + C.QUANTITY]!;
    if (!(price > 0 && price <= Number.MAX_SAFE_INTEGER)) return state.events.reject(commands, base, RejectReason.INVALID_PRICE);
    if (!(quantity > 0 && quantity <= Number.MAX_SAFE_INTEGER)) return state.events.reject(commands, base, RejectReason.INVALID_QUANTITY);
    const side = commands[base + C.SIDE]!;
    const pendingTrade = state.marketData.pendingTrade;
    pendingTrade[TRADE_PRICE] = price;
    pendingTrade[TRADE_QUANTITY] = quantity;
    state.marketData.recordTrade(symbol);
    state.events.print(commands, base, state.symbolIds[symbol]!, side === Side.BUY || side === Side.SELL ? side : 0, ++state.tradeId);
  }

  private addInstrument(commands: Float64Array, base: number): void {
    const state = this.state;
    const symbolId = commands[base + C.SYMBOL_ID]!;
    const tickSize = commands[base + C.TICK_SIZE]!;
    const lotSize = commands[base + C.LOT_SIZE]!;
    if (!validInstrument(symbolId, tickSize, lotSize)) return state.events.reject(commands, base, RejectReason.INVALID_INSTRUMENT);
    if (state.symbolIndexOf(symbolId) !== -1) return state.events.reject(commands, base, RejectReason.DUPLICATE_SYMBOL);
    state.addSymbol(symbolId, tickSize, lotSize);
    state.events.settings(EventType.INSTRUMENT_ADDED, symbolId, 0, tickSize, lotSize, 0, 0, 0);
  }

  private setRiskLimits(commands: Float64Array, base: number): void {
    const state = this.state;
    const accountId = commands[base + C.ACCOUNT_ID]!;
    const q = commands[base + C.MAX_ORDER_QUANTITY]!;
    const n = commands[base + C.MAX_ORDER_NOTIONAL]!;
    const band = commands[base + C.PRICE_BAND_BPS]!;
    const open = commands[base + C.MAX_OPEN_ORDERS]!;
    const position = commands[base + C.MAX_POSITION]!;
    const valid = (accountId === 0 || isId(accountId)) && isLimit(q) && isLimit(n) && isLimit(band) && isLimit(open) && isLimit(position);
    if (!valid) return state.events.reject(commands, base, RejectReason.INVALID_RISK_LIMITS);
    state.risk.setLimits(accountId, q, n, band, open, position);
    state.events.settings(EventType.RISK_LIMITS_SET, commands[base + C.SYMBOL_ID]!, accountId, q, n, band, open, position);
  }

  /**
   * Writes up to `maxLevels` levels of one side (best first) as `price, quantity, orderCount`
   * triples into `out` from `offset`; returns the number of levels written (0 for an unknown symbol).
   */
  readDepth(symbolId: number, side: Side, maxLevels: number, out: Float64Array, offset = 0): number {
    const state = this.state;
    const symbol = state.symbolIndexOf(symbolId);
    if (symbol === -1) return 0;
    const book = state.books[symbol]!;
    const ladder = side === Side.BUY ? book.bids : book.asks;
    const levels = state.levels;
    const count = Math.min(maxLevels, ladder.size, Math.floor((out.length - offset) / DEPTH_LEVEL_SIZE));
    for (let depth = 0; depth < count; depth++) {
      const level = ladder.levelAt(depth);
      const o = offset + depth * DEPTH_LEVEL_SIZE;
      out[o] = levels.price[level]!;
      out[o + 1] = levels.quantity[level]!;
      out[o + 2] = levels.orderCount[level]!;
    }
    return count;
  }

  /** Writes the symbol's QUOTE_VALUES quote values into `out` at `offset`; false for an unknown symbol. */
  readQuote(symbolId: number, out: Float64Array, offset = 0): boolean {
    const state = this.state;
    const symbol = state.symbolIndexOf(symbolId);
    if (symbol === -1) return false;
    const book = state.books[symbol]!;
    const levels = state.levels;
    const md = state.marketData;
    const bid = book.bids.best();
    const ask = book.asks.best();
    out[offset] = bid === -1 ? 0 : levels.price[bid]!;
    out[offset + 1] = bid === -1 ? 0 : levels.quantity[bid]!;
    out[offset + 2] = ask === -1 ? 0 : levels.price[ask]!;
    out[offset + 3] = ask === -1 ? 0 : levels.quantity[ask]!;
    out[offset + 4] = md.lastPrice[symbol]!;
    out[offset + 5] = md.lastQuantity[symbol]!;
    out[offset + 6] = md.vwap(symbol);
    out[offset + 7] = md.sessionVolume[symbol]!;
    return true;
  }

  /** Resting orders of one side in priority order (best price first, oldest first). For tests and tools. */
  restingOrders(symbolId: number, side: Side): RestingOrder[] {
    const state = this.state;
    const symbol = state.symbolIndexOf(symbolId);
    const result: RestingOrder[] = [];
    if (symbol === -1) return result;
    const book = state.books[symbol]!;
    const ladder = side === Side.BUY ? book.bids : book.asks;
    const orders = state.orders;
    for (let depth = 0; depth < ladder.size; depth++) {
      for (let order = state.levels.head[ladder.levelAt(depth)]!; order !== -1; order = orders.next(order)) {
        result.push({ orderId: orders.orderId(order), accountId: orders.accountId(order), side, price: orders.price(order), leaves: orders.leaves(order), filled: orders.filled(order) });
      }
    }
    return result;
  }

  /** The shard's whole state as one Float64Array (see snapshot.ts for the layout). */
  snapshot(): Float64Array {
    return writeSnapshot(this.state);
  }

  /** A shard in the state `snapshot` captured: later commands give the same events as on the original. */
  static restore(snapshot: Float64Array, options: ShardOptions = {}): Shard {
    const shard = new Shard([], options);
    readSnapshot(shard.state, snapshot);
    return shard;
  }

  /** The symbol ids this shard holds, in the order they were added. */
  symbolIds(): number[] {
    return Array.from(this.state.symbolIds.subarray(0, this.state.symbolCount));
  }
}

function isId(value: number): boolean {
  return value > 0 && value <= Number.MAX_SAFE_INTEGER && Math.floor(value) === value;
}

function isLimit(value: number): boolean {
  return value >= 0 && value <= Number.MAX_VALUE;
}

function validInstrument(symbolId: number, tickSize: number, lotSize: number): boolean {
  return isId(symbolId) && symbolId <= MAX_SYMBOL_ID && isId(tickSize) && isId(lotSize);
}
