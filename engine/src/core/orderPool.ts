/**
 * Every open order of a shard, one slot per order, as parallel typed arrays (struct of
 * arrays). Slots come from a free list threaded through `next`; when the pool is full every
 * array is reallocated at twice the size, which happens while the book grows, never per order
 * once warm. Readers must reload the arrays after `allocate` (they may have been replaced).
 */
export class OrderPool {
  /** Engine-wide order id. */
  orderId: Float64Array;
  accountId: Float64Array;
  /** Limit price (0 for MARKET). */
  price: Float64Array;
  /** Open quantity not yet filled. */
  leaves: Float64Array;
  /** Cumulative filled quantity; `filled + leaves` is the order's quantity. */
  filled: Float64Array;
  side: Uint8Array;
  orderType: Uint8Array;
  stpMode: Uint8Array;
  /** Index of the order's symbol in the shard. */
  symbolIndex: Int32Array;
  /** Index of the account in the risk tables. */
  accountIndex: Int32Array;
  /** Index of the (account, symbol) position in the risk tables. */
  positionIndex: Int32Array;
  /** Price level holding the order, -1 while not resting. */
  level: Int32Array;
  /** FIFO neighbours within the level (next also links the free list), -1 = none. */
  next: Int32Array;
  prev: Int32Array;

  private freeHead = -1;
  capacity: number;
  /** Slots in use. */
  used = 0;

  constructor(initialCapacity = 1024) {
    this.capacity = initialCapacity;
    this.orderId = new Float64Array(initialCapacity);
    this.accountId = new Float64Array(initialCapacity);
    this.price = new Float64Array(initialCapacity);
    this.leaves = new Float64Array(initialCapacity);
    this.filled = new Float64Array(initialCapacity);
    this.side = new Uint8Array(initialCapacity);
    this.orderType = new Uint8Array(initialCapacity);
    this.stpMode = new Uint8Array(initialCapacity);
    this.symbolIndex = new Int32Array(initialCapacity);
    this.accountIndex = new Int32Array(initialCapacity);
    this.positionIndex = new Int32Array(initialCapacity);
    this.level = new Int32Array(initialCapacity);
    this.next = new Int32Array(initialCapacity);
    this.prev = new Int32Array(initialCapacity);
    this.threadFreeList(0);
  }

  /** Takes a free slot (growing the pool if none is left); its fields hold stale values. */
  allocate(): number {
    if (this.freeHead === -1) this.grow();
    const slot = this.freeHead;
    this.freeHead = this.next[slot]!;
    this.used++;
    return slot;
  }

  /** Returns a slot to the free list. */
  release(slot: number): void {
    this.next[slot] = this.freeHead;
    this.level[slot] = -1;
    this.freeHead = slot;
    this.used--;
  }

  private threadFreeList(from: number): void {
    const next = this.next;
    for (let i = this.capacity - 1; i >= from; i--) {
      next[i] = this.freeHead;
      this.level[i] = -1;
      this.freeHead = i;
    }
  }

  private grow(): void {
    const from = this.capacity;
    const capacity = from * 2;
    this.orderId = growF64(this.orderId, capacity);
    this.accountId = growF64(this.accountId, capacity);
    this.price = growF64(this.price, capacity);
    this.leaves = growF64(this.leaves, capacity);
    this.filled = growF64(this.filled, capacity);
    this.side = growU8(this.side, capacity);
    this.orderType = growU8(this.orderType, capacity);
    this.stpMode = growU8(this.stpMode, capacity);
    this.symbolIndex = growI32(this.symbolIndex, capacity);
    this.accountIndex = growI32(this.accountIndex, capacity);
    this.positionIndex = growI32(this.positionIndex, capacity);
    this.level = growI32(this.level, capacity);
    this.next = growI32(this.next, capacity);
    this.prev = growI32(this.prev, capacity);
    this.capacity = capacity;
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

export function growU8(array: Uint8Array, capacity: number): Uint8Array<ArrayBuffer> {
  const grown = new Uint8Array(capacity);
  grown.set(array);
  return grown;
}
