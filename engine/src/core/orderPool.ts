import { IdIndex } from './idIndex.js';

/** Offsets in `OrderPool.incoming`. */
export const FILL_PRICE = 0;
export const FILL_QUANTITY = 1;
/** Worst price the incoming order may trade at (its price, or a MARKET order's band edge). */
export const INCOMING_LIMIT = 2;
/** Where `touch` stores what it read, so the load is not removed as dead code. */
const TOUCHED = 3;

/**
 * Offsets of an order's fields in its 64-byte record at `slot * F.STRIDE` of `OrderPool.f` (as
 * float64) and `slot * I.STRIDE` of `OrderPool.i` (as int32), two views of one buffer. A
 * `const enum` so the offsets compile to literals: the accessors then stay under V8's "small
 * function" size and are always inlined (a double passed to a call that is not inlined is boxed).
 */
const enum F {
  STRIDE = 8,
  /** 0 in a free slot. */
  ORDER_ID = 0,
  ACCOUNT_ID = 1,
  PRICE = 2,
  LEAVES = 3,
  FILLED = 4,
}

/** Int32 offsets: after the five float64 fields (int index 10 = byte 40). */
const enum I {
  /** 16 int32 = 64 bytes per record: one cache line. */
  STRIDE = 16,
  /**
   * side (bits 0–1) | orderType (2–4) | stpMode (5–6) | home slot's overflow count (7–11) |
   * symbol index (12–31, read with `>>>`). The overflow count belongs to the slot, not to the
   * order in it: it survives release and reuse (see `allocate`).
   */
  FLAGS = 10,
  ACCOUNT = 11,
  POSITION = 12,
  LEVEL = 13,
  NEXT = 14,
  PREV = 15,
}

const OVERFLOW_ONE = 1 << 7;
/** All five count bits; a count that reached 31 stays there (the hash is then always asked). */
const OVERFLOW_MASK = 31 << 7;

/**
 * Every open order of a shard, one 64-byte record per order (five float64 and six int32 fields
 * in one cache line), found from its id without an index: an order lives in its id's home slot,
 * `id mod 2^windowBits`. The main thread numbers orders 1, 2, 3, …, so a home slot is free again
 * long before its next id comes, and a cancel or a maker's removal touches the order's record
 * and nothing else (an id index was a second random cache miss per cancel and per filled maker).
 * An order whose home slot still holds a live order 2^windowBits ids older goes to an overflow
 * slot (after the home slots, from a free list, growing by doubling) mapped by a hash, and the
 * home slot counts such orders so that lookups of other ids skip the hash. Any positive id
 * works; increasing ones are just fastest.
 *
 * What does not need to live with the order stays out of the record, in `incoming`: the price
 * and quantity of the fill being applied (events and risk read them right after the fill), and
 * the limit of the order being matched (a resting order's limit is its price).
 *
 * Doubles cross function boundaries through these fields (and other typed arrays), not as
 * arguments or return values: V8 boxes a double passed to or returned from a call it does not
 * inline, which would allocate on the hot path.
 */
export class OrderPool {
  private f: Float64Array;
  private i: Int32Array;
  /**
   * The fill being applied and the incoming order's limit (FILL_PRICE, FILL_QUANTITY,
   * INCOMING_LIMIT), written by the matching code directly: no double crosses a call.
   */
  readonly incoming = new Float64Array(4);
  private readonly homeSlots: number;
  private readonly homeMask: number;
  /** Order id → overflow slot. */
  private readonly overflow = new IdIndex(1024);
  private overflowCapacity: number;
  /** Overflow slots from `homeSlots + overflowUntouched` on were never handed out. */
  private overflowUntouched = 0;
  /** Most recently released overflow slot (they chain through `next`), -1 when none. */
  private freeHead = -1;
  /**
   * Largest id ever allocated. A new order's id is normally above it (ids increase), so the
   * duplicate check of a SUBMIT answers without reading the home slot.
   */
  private highestId = 0;
  /** Slots in use (live orders, and the incoming order while its command runs). */
  used = 0;

  /**
   * `windowBits`: log2 of the number of home slots (64 bytes each); it should span the ids of
   * most live orders. `initialOverflowCapacity`: overflow slots before the first growth.
   * `preTouch`: write every page of the buffer now and after each growth (see `touchPages`), so
   * the first orders of a long-running shard do not pay the kernel's first-touch page faults.
   */
  constructor(windowBits = 17, initialOverflowCapacity = 1024, private readonly preTouch = false) {
    this.homeSlots = 1 << windowBits;
    this.homeMask = this.homeSlots - 1;
    this.overflowCapacity = Math.max(1, initialOverflowCapacity);
    this.i = new Int32Array((this.homeSlots + this.overflowCapacity) * I.STRIDE);
    this.f = new Float64Array(this.i.buffer);
    if (preTouch) touchPages(this.i);
  }

  /** Engine-wide order id. */
  orderId(o: number): number { return this.f[o * F.STRIDE + F.ORDER_ID]!; }
  accountId(o: number): number { return this.f[o * F.STRIDE + F.ACCOUNT_ID]!; }
  /** Limit price (0 for MARKET). */
  price(o: number): number { return this.f[o * F.STRIDE + F.PRICE]!; }
  /** Open quantity not yet filled. */
  leaves(o: number): number { return this.f[o * F.STRIDE + F.LEAVES]!; }
  /** Cumulative filled quantity; `filled + leaves` is the order's quantity. */
  filled(o: number): number { return this.f[o * F.STRIDE + F.FILLED]!; }
  /** Price of the fill being applied (read by the fill and trade event writers and risk). */
  fillPrice(): number { return this.incoming[FILL_PRICE]!; }
  fillQuantity(): number { return this.incoming[FILL_QUANTITY]!; }
  /** Worst price the order being matched may trade at (±Infinity/0 for a MARKET order without a band). */
  incomingLimit(): number { return this.incoming[INCOMING_LIMIT]!; }
  side(o: number): number { return this.i[o * I.STRIDE + I.FLAGS]! & 3; }
  orderType(o: number): number { return (this.i[o * I.STRIDE + I.FLAGS]! >> 2) & 7; }
  stpMode(o: number): number { return (this.i[o * I.STRIDE + I.FLAGS]! >> 5) & 3; }
  /** Index of the order's symbol in the shard. */
  symbolIndex(o: number): number { return this.i[o * I.STRIDE + I.FLAGS]! >>> 12; }
  /** Index of the account in the risk tables. */
  accountIndex(o: number): number { return this.i[o * I.STRIDE + I.ACCOUNT]!; }
  /** Index of the (account, symbol) position in the risk tables. */
  positionIndex(o: number): number { return this.i[o * I.STRIDE + I.POSITION]!; }
  /** Price level holding the order, -1 while not resting. */
  level(o: number): number { return this.i[o * I.STRIDE + I.LEVEL]!; }
  /** Next (younger) order in the level's queue, or in the free list; -1 = none. */
  next(o: number): number { return this.i[o * I.STRIDE + I.NEXT]!; }
  /** Previous (older) order in the level's queue; -1 = none. */
  prev(o: number): number { return this.i[o * I.STRIDE + I.PREV]!; }

  setAccountId(o: number, value: number): void { this.f[o * F.STRIDE + F.ACCOUNT_ID] = value; }
  setPrice(o: number, value: number): void { this.f[o * F.STRIDE + F.PRICE] = value; }
  setLeaves(o: number, value: number): void { this.f[o * F.STRIDE + F.LEAVES] = value; }
  setFilled(o: number, value: number): void { this.f[o * F.STRIDE + F.FILLED] = value; }
  /**
   * Sets side (1–2), order type (1–5), self-trade prevention mode (0–3) and symbol index (< 2^20)
   * at once. Pass int32 values (`x | 0`): a double argument is boxed if V8 does not inline this.
   */
  setFlags(o: number, side: number, orderType: number, stpMode: number, symbol: number): void {
    const at = o * I.STRIDE + I.FLAGS;
    this.i[at] = (this.i[at]! & OVERFLOW_MASK) | (side & 3) | ((orderType & 7) << 2) | ((stpMode & 3) << 5) | (symbol << 12);
  }
  setAccountIndex(o: number, value: number): void { this.i[o * I.STRIDE + I.ACCOUNT] = value; }
  setPositionIndex(o: number, value: number): void { this.i[o * I.STRIDE + I.POSITION] = value; }
  setLevel(o: number, value: number): void { this.i[o * I.STRIDE + I.LEVEL] = value; }
  setNext(o: number, value: number): void { this.i[o * I.STRIDE + I.NEXT] = value; }
  setPrev(o: number, value: number): void { this.i[o * I.STRIDE + I.PREV] = value; }

  /**
   * Reads the order's record so it is on its way into the cache: the matching loop touches the
   * maker it will fill next while it writes the current fill's events, overlapping that miss with
   * useful work (JavaScript has no prefetch instruction).
   */
  touch(o: number): void { this.incoming[TOUCHED] = this.f[o * F.STRIDE + F.LEAVES]!; }

  /** Slot of the order whose id is `ids[at]` (read from the array: a double argument may be boxed), or -1. */
  find(ids: Float64Array, at: number): number {
    const id = ids[at]!;
    if (!(id > 0 && id <= this.highestId)) return -1;
    const home = (id >>> 0) & this.homeMask;
    if (this.f[home * F.STRIDE + F.ORDER_ID] === id) return home;
    return (this.i[home * I.STRIDE + I.FLAGS]! & OVERFLOW_MASK) === 0 ? -1 : this.overflow.get(id);
  }

  /**
   * Takes a slot for the order whose id is `ids[at]` (a positive id no live order has): its home
   * slot, or an overflow slot while an older order holds that. Other fields hold stale values.
   */
  allocate(ids: Float64Array, at: number): number {
    const id = ids[at]!;
    if (id > this.highestId) this.highestId = id;
    const home = (id >>> 0) & this.homeMask;
    let slot = home;
    if (this.f[home * F.STRIDE + F.ORDER_ID] !== 0) {
      slot = this.takeOverflowSlot();
      this.overflow.set(id, slot);
      const flags = this.i[home * I.STRIDE + I.FLAGS]!;
      if ((flags & OVERFLOW_MASK) !== OVERFLOW_MASK) this.i[home * I.STRIDE + I.FLAGS] = flags + OVERFLOW_ONE;
    }
    this.f[slot * F.STRIDE + F.ORDER_ID] = ids[at]!;
    this.used++;
    return slot;
  }

  /** Frees the order's slot; its id is no longer found. */
  release(slot: number): void {
    const id = this.f[slot * F.STRIDE + F.ORDER_ID]!;
    this.f[slot * F.STRIDE + F.ORDER_ID] = 0;
    this.setLevel(slot, -1);
    this.used--;
    if (slot < this.homeSlots) return;
    this.overflow.delete(id);
    const home = (id >>> 0) & this.homeMask;
    const flags = this.i[home * I.STRIDE + I.FLAGS]!;
    if ((flags & OVERFLOW_MASK) !== OVERFLOW_MASK) this.i[home * I.STRIDE + I.FLAGS] = flags - OVERFLOW_ONE;
    this.setNext(slot, this.freeHead);
    this.freeHead = slot;
  }

  /** Calls `visit(id, slot)` for every order in a slot (tests, not the hot path). */
  forEach(visit: (id: number, slot: number) => void): void {
    const slots = this.homeSlots + this.overflowUntouched;
    for (let slot = 0; slot < slots; slot++) if (this.orderId(slot) !== 0) visit(this.orderId(slot), slot);
  }

  private takeOverflowSlot(): number {
    if (this.freeHead !== -1) {
      const slot = this.freeHead;
      this.freeHead = this.next(slot);
      return slot;
    }
    if (this.overflowUntouched === this.overflowCapacity) this.grow();
    return this.homeSlots + this.overflowUntouched++;
  }

  private grow(): void {
    const oldLength = this.i.length;
    this.overflowCapacity *= 2;
    // Int32 copy: copies the float64 fields bit for bit too (same buffer).
    this.i = growI32(this.i, (this.homeSlots + this.overflowCapacity) * I.STRIDE);
    this.f = new Float64Array(this.i.buffer);
    if (this.preTouch) touchPages(this.i.subarray(oldLength));
  }
}

/**
 * Writes one byte per 4 KiB page of the array's buffer (its value unchanged). A fresh typed
 * array is zero pages the kernel maps on first write; each first write is a page fault of a few
 * microseconds, taken by whichever command first reaches that page. Measured on the core bench
 * (1 M commands on a fresh shard): ~8 000 faults, gross p99.9 4.3 µs → 1.5 µs and p99
 * 1.12 → 0.99 µs with the pools and the id window touched at construction. Costs ~1 ms per
 * 4 MiB once, so only long-running shards ask for it (tests create thousands of shards).
 */
export function touchPages(array: Float64Array | Int32Array): void {
  const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
  for (let at = 0; at < bytes.length; at += 4096) bytes[at] = bytes[at]!;
}

export function growF64(array: Float64Array, capacity: number): Float64Array<ArrayBuffer> {
  const grown = new Float64Array(capacity);
  grown.set(array);
  return grown;
}

export function growI32(array: Int32Array, capacity: number): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(capacity);
  grown.set(array);
  return grown;
}
