import { growF64, growI32, touchPages, type OrderPool } from './orderPool.js';

/**
 * Price levels of every book in the shard: total open quantity, order count and a FIFO queue
 * of orders (an intrusive doubly linked list through the order pool's `next`/`prev`), so time
 * priority is the list order and removing any order is O(1). Free slots chain through `head`.
 */
export class LevelPool {
  price: Float64Array;
  /** Sum of the open quantity of the level's orders. */
  quantity: Float64Array;
  orderCount: Int32Array;
  /** Oldest order (first to fill), -1 when empty. */
  head: Int32Array;
  /** Newest order, -1 when empty. */
  tail: Int32Array;

  /** Most recently released level (released levels chain through `head`), -1 when none. */
  private freeHead = -1;
  /** Levels from here on were never handed out (taken only when no released one is left). */
  private untouched = 0;
  capacity: number;

  /** `preTouch`: fault every page in at construction and after growth (see `touchPages`). */
  constructor(initialCapacity = 256, private readonly preTouch = false) {
    this.capacity = initialCapacity;
    this.price = new Float64Array(initialCapacity);
    this.quantity = new Float64Array(initialCapacity);
    this.orderCount = new Int32Array(initialCapacity);
    this.head = new Int32Array(initialCapacity);
    this.tail = new Int32Array(initialCapacity);
    if (preTouch) this.touch();
  }

  private touch(): void {
    for (const array of [this.price, this.quantity, this.orderCount, this.head, this.tail]) touchPages(array);
  }

  /** An empty level; the caller sets its price. */
  allocate(): number {
    let level = this.freeHead;
    if (level !== -1) this.freeHead = this.head[level]!;
    else {
      if (this.untouched === this.capacity) this.grow();
      level = this.untouched++;
    }
    this.quantity[level] = 0;
    this.orderCount[level] = 0;
    this.head[level] = -1;
    this.tail[level] = -1;
    return level;
  }

  release(level: number): void {
    this.head[level] = this.freeHead;
    this.freeHead = level;
  }

  /** Appends an order at the back of the level's queue (it gets the lowest time priority). */
  append(level: number, orders: OrderPool, order: number): void {
    const tail = this.tail[level]!;
    orders.setPrev(order, tail);
    orders.setNext(order, -1);
    orders.setLevel(order, level);
    if (tail === -1) this.head[level] = order;
    else orders.setNext(tail, order);
    this.tail[level] = order;
    this.quantity[level] = this.quantity[level]! + orders.leaves(order);
    this.orderCount[level] = this.orderCount[level]! + 1;
  }

  /** Unlinks an order from its level's queue; the caller releases an emptied level. */
  unlink(level: number, orders: OrderPool, order: number): void {
    const prev = orders.prev(order);
    const next = orders.next(order);
    if (prev === -1) this.head[level] = next;
    else orders.setNext(prev, next);
    if (next === -1) this.tail[level] = prev;
    else orders.setPrev(next, prev);
    orders.setLevel(order, -1);
    this.quantity[level] = this.quantity[level]! - orders.leaves(order);
    this.orderCount[level] = this.orderCount[level]! - 1;
  }

  private grow(): void {
    const capacity = this.capacity * 2;
    this.price = growF64(this.price, capacity);
    this.quantity = growF64(this.quantity, capacity);
    this.orderCount = growI32(this.orderCount, capacity);
    this.head = growI32(this.head, capacity);
    this.tail = growI32(this.tail, capacity);
    this.capacity = capacity;
    if (this.preTouch) this.touch();
  }
}
