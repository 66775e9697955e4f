/** Float64 fields of an order, at `slot * F_STRIDE + field` of `OrderPool.f`. */
const F_STRIDE = 8;
const F_ORDER_ID = 0;
const F_ACCOUNT_ID = 1;
const F_PRICE = 2;
const F_LEAVES = 3;
const F_FILLED = 4;
/** Int32 fields of an order, at `slot * I_STRIDE + field` of `OrderPool.i`. */
const I_STRIDE = 8;
/** side | orderType << 4 | stpMode << 8 */
const I_FLAGS = 0;
const I_SYMBOL = 1;
const I_ACCOUNT = 2;
const I_POSITION = 3;
const I_LEVEL = 4;
const I_NEXT = 5;
const I_PREV = 6;

/**
 * Every open order of a shard, one slot per order. An order's fields sit together (array of
 * structs): its float64 fields fill one 64-byte cache line, its int32 fields half of another,
 * so touching a random order (cancel, a maker's fill) costs two cache misses, not one per field.
 * Slots come from a free list threaded through `next` and are reused most-recent-first (still in
 * cache); when none is left both arrays are reallocated at twice the size — while the book
 * grows, never per order once warm.
 */
export class OrderPool {
  private f: Float64Array;
  private i: Int32Array;
  private freeHead = -1;
  capacity: number;
  /** Slots in use. */
  used = 0;

  constructor(initialCapacity = 1024) {
    this.capacity = initialCapacity;
    this.f = new Float64Array(initialCapacity * F_STRIDE);
    this.i = new Int32Array(initialCapacity * I_STRIDE);
    this.threadFreeList(0);
  }

  /** Engine-wide order id. */
  orderId(o: number): number { return this.f[o * F_STRIDE + F_ORDER_ID]!; }
  accountId(o: number): number { return this.f[o * F_STRIDE + F_ACCOUNT_ID]!; }
  /** Limit price (0 for MARKET). */
  price(o: number): number { return this.f[o * F_STRIDE + F_PRICE]!; }
  /** Open quantity not yet filled. */
  leaves(o: number): number { return this.f[o * F_STRIDE + F_LEAVES]!; }
  /** Cumulative filled quantity; `filled + leaves` is the order's quantity. */
  filled(o: number): number { return this.f[o * F_STRIDE + F_FILLED]!; }
  side(o: number): number { return this.i[o * I_STRIDE + I_FLAGS]! & 15; }
  orderType(o: number): number { return (this.i[o * I_STRIDE + I_FLAGS]! >> 4) & 15; }
  stpMode(o: number): number { return (this.i[o * I_STRIDE + I_FLAGS]! >> 8) & 15; }
  /** Index of the order's symbol in the shard. */
  symbolIndex(o: number): number { return this.i[o * I_STRIDE + I_SYMBOL]!; }
  /** Index of the account in the risk tables. */
  accountIndex(o: number): number { return this.i[o * I_STRIDE + I_ACCOUNT]!; }
  /** Index of the (account, symbol) position in the risk tables. */
  positionIndex(o: number): number { return this.i[o * I_STRIDE + I_POSITION]!; }
  /** Price level holding the order, -1 while not resting. */
  level(o: number): number { return this.i[o * I_STRIDE + I_LEVEL]!; }
  /** Next (younger) order in the level's queue, or in the free list; -1 = none. */
  next(o: number): number { return this.i[o * I_STRIDE + I_NEXT]!; }
  /** Previous (older) order in the level's queue; -1 = none. */
  prev(o: number): number { return this.i[o * I_STRIDE + I_PREV]!; }

  setOrderId(o: number, value: number): void { this.f[o * F_STRIDE + F_ORDER_ID] = value; }
  setAccountId(o: number, value: number): void { this.f[o * F_STRIDE + F_ACCOUNT_ID] = value; }
  setPrice(o: number, value: number): void { this.f[o * F_STRIDE + F_PRICE] = value; }
  setLeaves(o: number, value: number): void { this.f[o * F_STRIDE + F_LEAVES] = value; }
  setFilled(o: number, value: number): void { this.f[o * F_STRIDE + F_FILLED] = value; }
  /** Sets side, order type and self-trade prevention mode at once. */
  setFlags(o: number, side: number, orderType: number, stpMode: number): void { this.i[o * I_STRIDE + I_FLAGS] = side | (orderType << 4) | (stpMode << 8); }
  setSymbolIndex(o: number, value: number): void { this.i[o * I_STRIDE + I_SYMBOL] = value; }
  setAccountIndex(o: number, value: number): void { this.i[o * I_STRIDE + I_ACCOUNT] = value; }
  setPositionIndex(o: number, value: number): void { this.i[o * I_STRIDE + I_POSITION] = value; }
  setLevel(o: number, value: number): void { this.i[o * I_STRIDE + I_LEVEL] = value; }
  setNext(o: number, value: number): void { this.i[o * I_STRIDE + I_NEXT] = value; }
  setPrev(o: number, value: number): void { this.i[o * I_STRIDE + I_PREV] = value; }

  /** Takes a free slot (growing the pool if none is left); its fields hold stale values. */
  allocate(): number {
    if (this.freeHead === -1) this.grow();
    const slot = this.freeHead;
    this.freeHead = this.next(slot);
    this.used++;
    return slot;
  }

  /** Returns a slot to the free list. */
  release(slot: number): void {
    this.setNext(slot, this.freeHead);
    this.setLevel(slot, -1);
    this.freeHead = slot;
    this.used--;
  }

  private threadFreeList(from: number): void {
    for (let slot = this.capacity - 1; slot >= from; slot--) {
      this.setNext(slot, this.freeHead);
      this.setLevel(slot, -1);
      this.freeHead = slot;
    }
  }

  private grow(): void {
    const from = this.capacity;
    this.capacity = from * 2;
    this.f = growF64(this.f, this.capacity * F_STRIDE);
    this.i = growI32(this.i, this.capacity * I_STRIDE);
    this.threadFreeList(from);
  }
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
