/**
 * Offsets of an order's fields in its 64-byte record at `slot * F.STRIDE` of `OrderPool.f` (as
 * float64) and `slot * I.STRIDE` of `OrderPool.i` (as int32), two views of one buffer. A
 * `const enum` so the offsets compile to literals: the accessors then stay under V8's "small
 * function" size and are always inlined (a double passed to a call that is not inlined is boxed).
 */
const enum F {
  STRIDE = 8,
  ORDER_ID = 0,
  ACCOUNT_ID = 1,
  PRICE = 2,
  LEAVES = 3,
  FILLED = 4,
}

/** Int32 offsets: after the five float64 fields (int index 10 = byte 40). */
const enum I {
  STRIDE = 16,
  /** side | orderType << 4 | stpMode << 8 | symbol index << 12 (read with `>>>`: 20 bits of symbol). */
  FLAGS = 10,
  ACCOUNT = 11,
  POSITION = 12,
  LEVEL = 13,
  NEXT = 14,
  PREV = 15,
}

/** Bytes per order record: one cache line. */
const RECORD_BYTES = 64;

/**
 * Every open order of a shard, one 64-byte record per order: five float64 fields and six int32
 * fields (queue links, indices, flags with the symbol index packed in) share one cache line, so
 * touching a random order — a cancel, a maker's fill, a step along a level's queue — costs one
 * cache miss. (Before: the floats filled a 64-byte line and the ints half of another, two misses;
 * a 128-byte record was slower still.) What does not need to live with the order stays out:
 * the price and quantity of the fill being applied are one shard-wide pair (`fillPrice`,
 * `fillQuantity`: events and risk read them right after the fill), and the limit of an order
 * is its price except for the incoming MARKET order, whose band edge is `marketLimit`.
 * Released slots are reused most-recent-first (still in cache); when none is left and every slot
 * was handed out the buffer is reallocated at twice the size — while the book grows, never per
 * order once warm.
 *
 * Doubles cross function boundaries through these fields (and other typed arrays), not as
 * arguments or return values: V8 boxes a double passed to or returned from a call it does not
 * inline, which would allocate on the hot path.
 */
export class OrderPool {
  private f: Float64Array;
  private i: Int32Array;
  /** Price and quantity of the fill being applied (`fillPrice()`, `fillQuantity()`). */
  private readonly fill = new Float64Array(3);
  /** Most recently released slot (released slots chain through `next`), -1 when none. */
  private freeHead = -1;
  /**
   * Slots from here on were never handed out. Fresh slots are taken from this mark only when no
   * released one is left, so construction touches no memory (pages are mapped as the book
   * grows) and released slots, still in cache, are reused first.
   */
  private untouched = 0;
  capacity: number;
  /** Slots in use. */
  used = 0;

  /**
   * `preTouch`: write every page of the buffer now and after each growth (see `touchPages`), so
   * the first orders of a long-running shard do not pay the kernel's first-touch page faults.
   */
  constructor(initialCapacity = 1024, private readonly preTouch = false) {
    this.capacity = initialCapacity;
    const buffer = new ArrayBuffer(initialCapacity * RECORD_BYTES);
    this.f = new Float64Array(buffer);
    this.i = new Int32Array(buffer);
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
  fillPrice(): number { return this.fill[0]!; }
  fillQuantity(): number { return this.fill[1]!; }
  /**
   * Worst price the order may trade at: its price, or for a MARKET order (never resting, so at
   * most one at a time) the edge of its price band set by `setMarketLimit` (±Infinity/0 without).
   */
  limit(o: number): number { return this.orderType(o) === MARKET ? this.fill[2]! : this.price(o); }
  side(o: number): number { return this.i[o * I.STRIDE + I.FLAGS]! & 15; }
  orderType(o: number): number { return (this.i[o * I.STRIDE + I.FLAGS]! >> 4) & 15; }
  stpMode(o: number): number { return (this.i[o * I.STRIDE + I.FLAGS]! >> 8) & 15; }
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

  setOrderId(o: number, value: number): void { this.f[o * F.STRIDE + F.ORDER_ID] = value; }
  setAccountId(o: number, value: number): void { this.f[o * F.STRIDE + F.ACCOUNT_ID] = value; }
  setPrice(o: number, value: number): void { this.f[o * F.STRIDE + F.PRICE] = value; }
  setLeaves(o: number, value: number): void { this.f[o * F.STRIDE + F.LEAVES] = value; }
  setFilled(o: number, value: number): void { this.f[o * F.STRIDE + F.FILLED] = value; }
  /** Records the fill being applied (price, quantity) for the event writers and risk. */
  setFill(price: number, quantity: number): void {
    this.fill[0] = price;
    this.fill[1] = quantity;
  }
  /** The band edge of the incoming MARKET order (see `limit`). */
  setMarketLimit(value: number): void { this.fill[2] = value; }
  /** Sets side, order type, self-trade prevention mode and symbol index at once (symbol index < 2^20). */
  setFlags(o: number, side: number, orderType: number, stpMode: number, symbol: number): void {
    this.i[o * I.STRIDE + I.FLAGS] = side | (orderType << 4) | (stpMode << 8) | (symbol << 12);
  }
  setAccountIndex(o: number, value: number): void { this.i[o * I.STRIDE + I.ACCOUNT] = value; }
  setPositionIndex(o: number, value: number): void { this.i[o * I.STRIDE + I.POSITION] = value; }
  setLevel(o: number, value: number): void { this.i[o * I.STRIDE + I.LEVEL] = value; }
  setNext(o: number, value: number): void { this.i[o * I.STRIDE + I.NEXT] = value; }
  setPrev(o: number, value: number): void { this.i[o * I.STRIDE + I.PREV] = value; }

  /** Takes a free slot (growing the pool if none is left); its fields hold stale values. */
  allocate(): number {
    if (this.freeHead !== -1) {
      const slot = this.freeHead;
      this.freeHead = this.next(slot);
      this.used++;
      return slot;
    }
    if (this.untouched === this.capacity) this.grow();
    this.used++;
    return this.untouched++;
  }

  /** Returns a slot to the free list. */
  release(slot: number): void {
    this.setNext(slot, this.freeHead);
    this.setLevel(slot, -1);
    this.freeHead = slot;
    this.used--;
  }

  private grow(): void {
    this.capacity *= 2;
    // Int32 copy: copies the float64 fields bit for bit too (same buffer).
    this.i = growI32(this.i, this.capacity * I.STRIDE);
    this.f = new Float64Array(this.i.buffer);
    if (this.preTouch) touchPages(this.i);
  }
}

/** OrderType.MARKET (layout.ts), inlined as a literal for the accessor. */
const MARKET = 2;

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
