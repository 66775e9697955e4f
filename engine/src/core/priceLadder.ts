import { growF64, growI32, type OrderPool } from './orderPool.js';
import type { LevelPool } from './levelPool.js';

/**
 * One side of an order book: its non-empty price levels kept sorted with the best price at the
 * END of the arrays, so the best level is read, and an emptied best level removed, in O(1),
 * and the inserts and removals that cluster near the top of the book move few entries.
 * Keys are `price` for bids and `-price` for asks, ascending, so one ordering serves both sides.
 */
export class PriceLadder {
  /** Sort keys, ascending; `keys[size - 1]` is the best price. */
  private keys: Float64Array;
  /** Level ids in the same order as `keys`. */
  levelIds: Int32Array;
  size = 0;
  /** +1 for bids (higher is better), -1 for asks (lower is better). */
  readonly direction: 1 | -1;

  constructor(direction: 1 | -1, initialCapacity = 64) {
    this.direction = direction;
    this.keys = new Float64Array(initialCapacity);
    this.levelIds = new Int32Array(initialCapacity);
  }

  /** Best level id, or -1 when the side is empty. */
  best(): number {
    return this.size === 0 ? -1 : this.levelIds[this.size - 1]!;
  }

  /** Level id `depth` places from the best (0 = best), or -1. */
  levelAt(depth: number): number {
    return depth < this.size ? this.levelIds[this.size - 1 - depth]! : -1;
  }

  /** Key to search for: a typed-array cell, as a double argument would be boxed if V8 does not inline the search. */
  private readonly searchKey = new Float64Array(1);

  /** Position of the first key ≥ `searchKey[0]` (binary search). */
  private lowerBound(): number {
    const key = this.searchKey[0]!;
    const keys = this.keys;
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (keys[mid]! < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The level at the order's price, creating it in the pool and in the ladder when absent. */
  levelFor(orders: OrderPool, order: number, levels: LevelPool): number {
    const price = orders.price(order);
    const key = price * this.direction;
    const size = this.size;
    // Orders join the best level most often: answer that without a search.
    if (size > 0 && this.keys[size - 1] === key) return this.levelIds[size - 1]!;
    this.searchKey[0] = key;
    const position = size > 0 && key > this.keys[size - 1]! ? size : this.lowerBound();
    if (position < size && this.keys[position] === key) return this.levelIds[position]!;
    if (size === this.keys.length) {
      this.keys = growF64(this.keys, size * 2);
      this.levelIds = growI32(this.levelIds, size * 2);
    }
    if (position < size) {
      this.keys.copyWithin(position + 1, position, size);
      this.levelIds.copyWithin(position + 1, position, size);
    }
    const level = levels.allocate();
    levels.price[level] = price;
    this.keys[position] = key;
    this.levelIds[position] = level;
    this.size = size + 1;
    return level;
  }

  /** Removes an (emptied) level from the ladder; the caller releases it. */
  remove(level: number, levels: LevelPool): void {
    const key = levels.price[level]! * this.direction;
    const last = this.size - 1;
    if (this.keys[last] === key) {
      this.size = last;
      return;
    }
    this.searchKey[0] = key;
    const position = this.lowerBound();
    this.keys.copyWithin(position, position + 1, this.size);
    this.levelIds.copyWithin(position, position + 1, this.size);
    this.size = last;
  }
}
