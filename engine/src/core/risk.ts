import { IdIndex } from './idIndex.js';
import { RejectReason, Side } from './layout.js';
import { growF64, growI32, type OrderPool } from './orderPool.js';

/** An account's pre-trade limits; 0 in any field means "no limit". Units as in the command slot. */
export interface RiskLimits {
  maxOrderQuantity: number;
  maxOrderNotional: number;
  priceBandBps: number;
  maxOpenOrders: number;
  maxPosition: number;
}

/**
 * Limits for accounts without their own, until SET_RISK_LIMITS for account 0 replaces them:
 * permissive for real use yet catching fat fingers. Quantities in 1e-8 units: one order at most
 * 1 000 000 units and 1e9 notional, limit prices within ±10 % of the last trade, 10 000 open
 * orders per account and shard, |position| plus open orders' worst case at most 10 000 000 units.
 */
export const DEFAULT_RISK_LIMITS: RiskLimits = {
  maxOrderQuantity: 1e14,
  maxOrderNotional: 1e17,
  priceBandBps: 1000,
  maxOpenOrders: 10_000,
  maxPosition: 1e15,
};

/** Offsets in `PreTradeRisk.candidate`, the order `check` examines. */
export const CANDIDATE_PRICE = 0;
export const CANDIDATE_QUANTITY = 1;
/** Last trade price of the symbol, 0 before the first trade (no band then). */
export const CANDIDATE_LAST_PRICE = 2;
/** Open quantity the order already has on the book (an amend replaces it). */
export const CANDIDATE_OWN_OPEN = 3;

/** Values per limits row: maxOrderQuantity, maxOrderNotional, priceBandBps, maxOpenOrders, maxPosition. */
const LIMIT_FIELDS = 5;
/** Position keys combine account and symbol indices; symbols stay below 2^24. */
const SYMBOL_KEY_RANGE = 16_777_216;
/**
 * Account ids below this are looked up in a direct table (the main thread numbers accounts
 * 1, 2, 3, … as it first sees them); larger ids go through the hash index.
 */
const DIRECT_ACCOUNT_IDS = 1 << 22;
/**
 * Positions of the first DIRECT_POSITION_ACCOUNTS accounts in the first DIRECT_POSITION_SYMBOLS
 * symbols of the shard are found in a dense table (row per account index, 128 bytes); the rest
 * through the hash index. Bounds the table at 32 MiB.
 */
const DIRECT_POSITION_SYMBOLS = 32;
const DIRECT_POSITION_ACCOUNTS = 1 << 18;

/**
 * Pre-trade risk state of a shard: per account its limits and open order count, per (account,
 * symbol) its filled position and the open quantity and number of its resting buy and sell
 * orders, so a new order is checked against its worst case (everything open on its side fills)
 * in O(1), and CANCEL_ALL reads no more of a book than the account's orders span.
 */
export class PreTradeRisk {
  private accountIndex = new IdIndex(256);
  /** Account id → account index + 1 (0 = not seen) for ids below DIRECT_ACCOUNT_IDS; grows by doubling. */
  private accountById = new Int32Array(1024);
  accountIds = new Float64Array(64);
  openOrders = new Int32Array(64);
  /** Row in `limits` used by each account; row 0 holds the defaults. */
  limitsRow = new Int32Array(64);
  limits = new Float64Array(64 * LIMIT_FIELDS);
  accountCount = 0;
  private limitsRowCount = 1;

  private positionIndex = new IdIndex(1024);
  /** (account index × DIRECT_POSITION_SYMBOLS + symbol index) → position index + 1 (0 = none yet). */
  private positionByAccountSymbol = new Int32Array(64 * DIRECT_POSITION_SYMBOLS);
  /** Signed filled position (buys minus sells). */
  net = new Float64Array(256);
  openBuy = new Float64Array(256);
  openSell = new Float64Array(256);
  /** Number of resting buy / sell orders, exact (CANCEL_ALL skips a side by it and stops at the last). */
  openBuyOrders = new Int32Array(256);
  openSellOrders = new Int32Array(256);
  positionAccount = new Int32Array(256);
  positionSymbol = new Int32Array(256);
  positionCount = 0;
  /** The order to check: price, quantity, last price, own open quantity (see CANDIDATE_*). */
  readonly candidate = new Float64Array(4);

  constructor(defaults: RiskLimits = DEFAULT_RISK_LIMITS) {
    this.writeRow(0, defaults.maxOrderQuantity, defaults.maxOrderNotional, defaults.priceBandBps, defaults.maxOpenOrders, defaults.maxPosition);
  }

  /** Index of the account, registering it on first sight. */
  accountFor(accountId: number): number {
    const direct = accountId < DIRECT_ACCOUNT_IDS && (accountId | 0) === accountId;
    if (direct && accountId < this.accountById.length) {
      const found = this.accountById[accountId]! - 1;
      if (found !== -1) return found;
    } else if (!direct) {
      const found = this.accountIndex.get(accountId);
      if (found !== -1) return found;
    }
    const account = this.accountCount++;
    if (account === this.accountIds.length) {
      this.accountIds = growF64(this.accountIds, account * 2);
      this.openOrders = growI32(this.openOrders, account * 2);
      this.limitsRow = growI32(this.limitsRow, account * 2);
    }
    this.accountIds[account] = accountId;
    this.openOrders[account] = 0;
    this.limitsRow[account] = 0;
    if (direct) {
      if (accountId >= this.accountById.length) {
        let size = this.accountById.length;
        while (size <= accountId) size *= 2;
        this.accountById = growI32(this.accountById, size);
      }
      this.accountById[accountId] = account + 1;
    } else this.accountIndex.set(accountId, account);
    return account;
  }

  /** Index of a valid account id (see `accountFor`), or -1 when the shard never saw it; registers nothing. */
  findAccount(accountId: number): number {
    if (accountId < DIRECT_ACCOUNT_IDS && (accountId | 0) === accountId) return accountId < this.accountById.length ? this.accountById[accountId]! - 1 : -1;
    return this.accountIndex.get(accountId);
  }

  /** Index of the account's position in the symbol, or -1 when it has none yet; creates nothing. */
  findPosition(account: number, symbol: number): number {
    if (symbol < DIRECT_POSITION_SYMBOLS && account < DIRECT_POSITION_ACCOUNTS) {
      const cell = account * DIRECT_POSITION_SYMBOLS + symbol;
      return cell < this.positionByAccountSymbol.length ? this.positionByAccountSymbol[cell]! - 1 : -1;
    }
    return this.positionIndex.get(account * SYMBOL_KEY_RANGE + symbol + 1);
  }

  /** Index of the account's position in the symbol, creating a flat one on first use. */
  positionFor(account: number, symbol: number): number {
    const direct = symbol < DIRECT_POSITION_SYMBOLS && account < DIRECT_POSITION_ACCOUNTS;
    const cell = account * DIRECT_POSITION_SYMBOLS + symbol;
    const key = account * SYMBOL_KEY_RANGE + symbol + 1;
    if (direct) {
      if (cell < this.positionByAccountSymbol.length) {
        const found = this.positionByAccountSymbol[cell]! - 1;
        if (found !== -1) return found;
      }
    } else {
      const found = this.positionIndex.get(key);
      if (found !== -1) return found;
    }
    const position = this.positionCount++;
    if (position === this.net.length) {
      this.net = growF64(this.net, position * 2);
      this.openBuy = growF64(this.openBuy, position * 2);
      this.openSell = growF64(this.openSell, position * 2);
      this.openBuyOrders = growI32(this.openBuyOrders, position * 2);
      this.openSellOrders = growI32(this.openSellOrders, position * 2);
      this.positionAccount = growI32(this.positionAccount, position * 2);
      this.positionSymbol = growI32(this.positionSymbol, position * 2);
    }
    this.net[position] = 0;
    this.openBuy[position] = 0;
    this.openSell[position] = 0;
    this.openBuyOrders[position] = 0;
    this.openSellOrders[position] = 0;
    this.positionAccount[position] = account;
    this.positionSymbol[position] = symbol;
    if (direct) {
      if (cell >= this.positionByAccountSymbol.length) {
        let size = this.positionByAccountSymbol.length;
        while (size <= cell) size *= 2;
        this.positionByAccountSymbol = growI32(this.positionByAccountSymbol, size);
      }
      this.positionByAccountSymbol[cell] = position + 1;
    } else this.positionIndex.set(key, position);
    return position;
  }

  /** Replaces the limits of `accountId` (0: the defaults). */
  setLimits(accountId: number, maxOrderQuantity: number, maxOrderNotional: number, priceBandBps: number, maxOpenOrders: number, maxPosition: number): void {
    let row = 0;
    if (accountId !== 0) {
      const account = this.accountFor(accountId);
      row = this.limitsRow[account]!;
      if (row === 0) {
        row = this.limitsRowCount++;
        if ((row + 1) * LIMIT_FIELDS > this.limits.length) this.limits = growF64(this.limits, this.limits.length * 2);
        this.limitsRow[account] = row;
      }
    }
    this.writeRow(row, maxOrderQuantity, maxOrderNotional, priceBandBps, maxOpenOrders, maxPosition);
  }

  /** The limits that apply to an account index (its own or the defaults). */
  limitsOf(account: number): RiskLimits {
    const b = this.limitsRow[account]! * LIMIT_FIELDS;
    const l = this.limits;
    return { maxOrderQuantity: l[b]!, maxOrderNotional: l[b + 1]!, priceBandBps: l[b + 2]!, maxOpenOrders: l[b + 3]!, maxPosition: l[b + 4]! };
  }

  /** True when the account has limits of its own (not the defaults). */
  hasOwnLimits(account: number): boolean {
    return this.limitsRow[account] !== 0;
  }

  private writeRow(row: number, q: number, n: number, band: number, open: number, position: number): void {
    const b = row * LIMIT_FIELDS;
    this.limits[b] = q;
    this.limits[b + 1] = n;
    this.limits[b + 2] = band;
    this.limits[b + 3] = open;
    this.limits[b + 4] = position;
  }

  /**
   * Checks the order in `candidate` before it matches or rests; 0 when it passes, else a 2xx
   * reason. Its price is the limit price, or for a market order the reference price its
   * notional is estimated at (market orders have no band check). `resting`: the order may rest
   * and so counts against max open orders.
   */
  check(account: number, position: number, side: number, isMarket: boolean, resting: boolean): number {
    const candidate = this.candidate;
    const price = candidate[CANDIDATE_PRICE]!;
    const quantity = candidate[CANDIDATE_QUANTITY]!;
    const lastPrice = candidate[CANDIDATE_LAST_PRICE]!;
    const l = this.limits;
    const b = this.limitsRow[account]! * LIMIT_FIELDS;
    const maxQuantity = l[b]!;
    if (maxQuantity > 0 && quantity > maxQuantity) return RejectReason.MAX_ORDER_QUANTITY_EXCEEDED;
    const maxNotional = l[b + 1]!;
    if (maxNotional > 0 && (price * quantity) / 1e8 > maxNotional) return RejectReason.MAX_ORDER_NOTIONAL_EXCEEDED;
    const band = l[b + 2]!;
    if (band > 0 && lastPrice > 0 && !isMarket && Math.abs(price - lastPrice) * 10_000 > lastPrice * band) return RejectReason.PRICE_OUTSIDE_BAND;
    const maxOpen = l[b + 3]!;
    if (resting && maxOpen > 0 && this.openOrders[account]! >= maxOpen) return RejectReason.MAX_OPEN_ORDERS_EXCEEDED;
    const maxPosition = l[b + 4]!;
    if (maxPosition > 0) {
      const ownOpen = candidate[CANDIDATE_OWN_OPEN]!;
      const worstCase = side === Side.BUY
        ? this.net[position]! + this.openBuy[position]! - ownOpen + quantity
        : this.openSell[position]! - ownOpen + quantity - this.net[position]!;
      if (worstCase > maxPosition) return RejectReason.POSITION_LIMIT_EXCEEDED;
    }
    return 0;
  }

  /** Price band of the account in bps (0 = none), for bounding market orders. */
  priceBandBps(account: number): number {
    return this.limits[this.limitsRow[account]! * LIMIT_FIELDS + 2]!;
  }

  /** An order starts resting with its open quantity. */
  onRest(orders: OrderPool, order: number): void {
    const account = orders.accountIndex(order);
    const position = orders.positionIndex(order);
    this.openOrders[account] = this.openOrders[account]! + 1;
    if (orders.side(order) === Side.BUY) {
      this.openBuy[position] = this.openBuy[position]! + orders.leaves(order);
      this.openBuyOrders[position] = this.openBuyOrders[position]! + 1;
    } else {
      this.openSell[position] = this.openSell[position]! + orders.leaves(order);
      this.openSellOrders[position] = this.openSellOrders[position]! + 1;
    }
  }

  /** A resting order leaves the book with its open quantity. */
  onLeave(orders: OrderPool, order: number): void {
    const account = orders.accountIndex(order);
    const position = orders.positionIndex(order);
    this.openOrders[account] = this.openOrders[account]! - 1;
    if (orders.side(order) === Side.BUY) {
      this.openBuy[position] = this.openBuy[position]! - orders.leaves(order);
      this.openBuyOrders[position] = this.openBuyOrders[position]! - 1;
    } else {
      this.openSell[position] = this.openSell[position]! - orders.leaves(order);
      this.openSellOrders[position] = this.openSellOrders[position]! - 1;
    }
  }

  /** The fill being applied (`OrderPool.fillQuantity`) to the order; `resting` when it was on the book (its open quantity shrinks too). */
  onFill(orders: OrderPool, order: number, resting: boolean): void {
    const position = orders.positionIndex(order);
    const quantity = orders.fillQuantity();
    if (orders.side(order) === Side.BUY) {
      this.net[position] = this.net[position]! + quantity;
      if (resting) this.openBuy[position] = this.openBuy[position]! - quantity;
    } else {
      this.net[position] = this.net[position]! - quantity;
      if (resting) this.openSell[position] = this.openSell[position]! - quantity;
    }
  }
}
