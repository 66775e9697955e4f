/**
 * Offsets of an order's float64 fields at `slot * F.STRIDE` of `OrderPool.f`. A `const enum`
 * so the offsets compile to literals: the accessors then stay under V8's "small function"
 * size and are always inlined (a double passed to a call that is not inlined is boxed).
 */
const enum F {
  STRIDE = 8,
  ORDER_ID = 0,
  ACCOUNT_ID = 1,
  PRICE = 2,
  LEAVES = 3,
  FILLED = 4,
  LAST_FILL_PRICE = 5,
  LAST_FILL_QUANTITY = 6,
  LIMIT = 7,
}

/** Offsets of an order's int32 fields at `slot * I.STRIDE` of `OrderPool.i`. */
const enum I {
  STRIDE = 8,
  /** side | orderType << 4 | stpMode << 8 */
  FLAGS = 0,
  SYMBOL = 1,
  ACCOUNT = 2,
  POSITION = 3,
  LEVEL = 4,
  NEXT = 5,
  PREV = 6,
}

/**
 * Every open order of a shard, one slot per order. An order's fields sit together (array of
 * structs): its eight float64 fields fill one 64-byte cache line, its int32 fields half of another,
 * so touching a random order (cancel, a maker's fill) costs two cache misses, not one per field.
 * The int32 fields (queue links, indices) stay in their own compact array rather than one
 * 128-byte block per order: walking a level's queue then touches 32 bytes per order, and a
 * 128-byte block measured ~7 % slower on the simulated flow (bench/profileCore.ts, interleaved
 * A/B under load).
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
   * `preTouch`: write every page of the buffers now and after each growth (see `touchPages`), so
   * the first orders of a long-running shard do not pay the kernel's first-touch page faults.
   */
  constructor(initialCapacity = 1024, private readonly preTouch = false) {
    this.capacity = initialCapacity;
    this.f = new Float64Array(initialCapacity * F.STRIDE);
    this.i = new Int32Array(initialCapacity * I.STRIDE);
    if (preTouch) {
      touchPages(this.f);
      touchPages(this.i);
    }
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
  /** Price and quantity of the order's latest fill (read by the fill and trade event writers). */
  lastFillPrice(o: number): number { return this.f[o * F.STRIDE + F.LAST_FILL_PRICE]!; }
  lastFillQuantity(o: number): number { return this.f[o * F.STRIDE + F.LAST_FILL_QUANTITY]!; }
  /** Worst price the order may trade at: its limit price, or for MARKET the edge of its price band (±Infinity/0 without). */
  limit(o: number): number { return this.f[o * F.STRIDE + F.LIMIT]!; }
  side(o: number): number { return this.i[o * I.STRIDE + I.FLAGS]! & 15; }
  orderType(o: number): number { return (this.i[o * I.STRIDE + I.FLAGS]! >> 4) & 15; }
  stpMode(o: number): number { return (this.i[o * I.STRIDE + I.FLAGS]! >> 8) & 15; }
  /** Index of the order's symbol in the shard. */
  symbolIndex(o: number): number { return this.i[o * I.STRIDE + I.SYMBOL]!; }
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
  setLastFillPrice(o: number, value: number): void { this.f[o * F.STRIDE + F.LAST_FILL_PRICE] = value; }
  setLastFillQuantity(o: number, value: number): void { this.f[o * F.STRIDE + F.LAST_FILL_QUANTITY] = value; }
  setLimit(o: number, value: number): void { this.f[o * F.STRIDE + F.LIMIT] = value; }
  /** Sets side, order type and self-trade prevention mode at once. */
  setFlags(o: number, side: number, orderType: number, stpMode: number): void { this.i[o * I.STRIDE + I.FLAGS] = side | (orderType << 4) | (stpMode << 8); }
  setSymbolIndex(o: number, value: number): void { this.i[o * I.STRIDE + I.SYMBOL] = value; }
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
    this.f = growF64(this.f, this.capacity * F.STRIDE);
    this.i = growI32(this.i, this.capacity * I.STRIDE);
    if (this.preTouch) {
      touchPages(this.f);
      touchPages(this.i);
    }
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
