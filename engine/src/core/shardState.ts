import { EventWriter } from './eventWriter.js';
import { LevelPool } from './levelPool.js';
import { MarketData } from './marketData.js';
import { growF64, OrderPool } from './orderPool.js';
import { PriceLadder } from './priceLadder.js';
import { PreTradeRisk, type RiskLimits } from './risk.js';

/** Largest symbol id: ids index a direct lookup table (at most 4 MiB). */
export const MAX_SYMBOL_ID = 1_048_575;

/** Both sides of one instrument's book. */
export interface OrderBook {
  readonly bids: PriceLadder;
  readonly asks: PriceLadder;
}

/** The order id window of long-running shards (workers, benchmarks): 2^20 home slots, 64 MiB. */
export const LONG_RUNNING_ORDER_ID_WINDOW_BITS = 20;

/** Sizing and defaults of a shard. */
export interface ShardOptions {
  /**
   * Initial number of overflow order slots, for orders whose id's home slot still holds an
   * older live order (see OrderPool; grows by doubling). Default 1 024.
   */
  initialOrderCapacity?: number;
  /** Initial number of price levels (grows by doubling). Default 4 096. */
  initialLevelCapacity?: number;
  /**
   * log2 of the number of home order slots (64 bytes each; an order lives in slot `id mod
   * 2^bits`). An order whose home slot still holds an order 2^bits ids older goes to an overflow
   * slot found through a slower hash. Default 17 (8 MiB of address space, cheap to create, as
   * tests create thousands of shards); shard workers use LONG_RUNNING_ORDER_ID_WINDOW_BITS so
   * long-lived orders rarely overflow.
   */
  orderIdWindowBits?: number;
  /**
   * Fault in the memory of the order pool and the level pool at construction (and after each
   * growth), so no command pays a first-touch page fault. Default false (64 MiB of home slots
   * cost tens of ms to touch; tests create thousands of shards); shard workers and the core
   * benchmarks set it.
   */
  preTouchMemory?: boolean;
  /** Limits of accounts without their own. Default `DEFAULT_RISK_LIMITS`. */
  defaultRiskLimits?: RiskLimits;
}

/**
 * Everything a shard owns, shared by the command handlers: order and level pools, the books,
 * risk and market data tables, the event writer. Symbols are referred to
 * by a dense index (position of ADD_INSTRUMENT), ids only at the edges.
 */
export class ShardState {
  readonly orders: OrderPool;
  readonly levels: LevelPool;
  readonly risk: PreTradeRisk;
  readonly events = new EventWriter();
  readonly marketData = new MarketData(this.events.context);
  readonly books: OrderBook[] = [];
  /** Symbol id → symbol index + 1 (0 = unknown). */
  private symbolIndexById = new Int32Array(1024);
  symbolIds = new Float64Array(16);
  tickSize = new Float64Array(16);
  lotSize = new Float64Array(16);
  /** Latest timestamp seen per symbol; commands never move a symbol's clock backwards. */
  clock = new Float64Array(16);
  /** Number of the last trade in the shard. */
  tradeId = 0;

  constructor(options: ShardOptions = {}) {
    const preTouch = options.preTouchMemory ?? false;
    this.orders = new OrderPool(options.orderIdWindowBits ?? 17, options.initialOrderCapacity ?? 1024, preTouch);
    this.levels = new LevelPool(options.initialLevelCapacity ?? 4096, preTouch);
    this.risk = new PreTradeRisk(options.defaultRiskLimits);
  }

  get symbolCount(): number {
    return this.books.length;
  }

  /** Dense index of a symbol id, or -1 when the shard does not hold it. */
  symbolIndexOf(symbolId: number): number {
    const table = this.symbolIndexById;
    // `>>> 0` maps NaN, fractions and negatives to values that fail the range test or the lookup.
    if (symbolId !== symbolId >>> 0 || symbolId >= table.length) return -1;
    return table[symbolId]! - 1;
  }

  /** Registers an instrument; the caller has validated id, tick and lot. */
  addSymbol(symbolId: number, tickSize: number, lotSize: number): number {
    const symbol = this.books.length;
    if (symbolId >= this.symbolIndexById.length) {
      let size = this.symbolIndexById.length;
      while (size <= symbolId) size *= 2;
      const grown = new Int32Array(size);
      grown.set(this.symbolIndexById);
      this.symbolIndexById = grown;
    }
    if (symbol === this.symbolIds.length) {
      const capacity = symbol * 2;
      this.symbolIds = growF64(this.symbolIds, capacity);
      this.tickSize = growF64(this.tickSize, capacity);
      this.lotSize = growF64(this.lotSize, capacity);
      this.clock = growF64(this.clock, capacity);
    }
    this.symbolIndexById[symbolId] = symbol + 1;
    this.symbolIds[symbol] = symbolId;
    this.tickSize[symbol] = tickSize;
    this.lotSize[symbol] = lotSize;
    this.clock[symbol] = 0;
    this.books.push({ bids: new PriceLadder(1), asks: new PriceLadder(-1) });
    this.marketData.ensureCapacity(symbol + 1);
    return symbol;
  }
}
