import { IdIndex } from './idIndex.js';
import { touchPages } from './orderPool.js';

/**
 * Order id → order slot, tuned for ids the main thread hands out in increasing order: a
 * direct-mapped window indexed by the id's low bits, so consecutive orders use neighbouring
 * cells (cache lines stay hot, where a hash scatters them over megabytes), with a hash index
 * for the rare id whose cell is still held by a much older live order. Any positive integer id
 * works; increasing ones are just fastest.
 *
 * A cell is 16 bytes of one buffer: the id (float64 at float index 2c), the slot (int32 at int
 * index 4c + 2) and how many ids of that cell live in the hash (int32 at 4c + 3), so a lookup
 * of a random id (a cancel) misses the cache once, not once per array.
 */
export class OrderIdIndex {
  private readonly ids: Float64Array;
  private readonly ints: Int32Array;
  private readonly mask: number;
  private readonly overflow = new IdIndex(1024);
  /**
   * Largest id ever stored. A new order's id is normally above it (ids increase), so the
   * duplicate check of a SUBMIT answers without touching the window: a cell not read since
   * 2^windowBits ids ago is a cache miss, paid now only when a resting order is stored.
   */
  private highestId = 0;
  /** Number of ids stored. */
  size = 0;

  /**
   * `windowBits`: log2 of the window (16 bytes per cell). An id goes to the hash when its cell
   * still holds a live order 2^windowBits ids older, so the window should span the ids of most
   * live orders; only its recent part is hot in cache. `preTouch`: fault the window's pages in
   * now (see `touchPages`) rather than one per 256 new ids on the hot path.
   */
  constructor(windowBits = 17, preTouch = false) {
    this.ids = new Float64Array(2 << windowBits);
    this.ints = new Int32Array(this.ids.buffer);
    this.mask = (1 << windowBits) - 1;
    if (preTouch) touchPages(this.ids);
  }

  /** Slot stored for `id`, or -1. */
  get(id: number): number {
    if (id > this.highestId) return -1;
    const cell = (id >>> 0) & this.mask;
    if (this.ids[cell << 1] === id) return this.ints[(cell << 2) + 2]!;
    return this.ints[(cell << 2) + 3] === 0 ? -1 : this.overflow.get(id);
  }

  /** Stores `id → slot`; `id` must not be stored already. */
  set(id: number, slot: number): void {
    if (id > this.highestId) this.highestId = id;
    const cell = (id >>> 0) & this.mask;
    if (this.ids[cell << 1] === 0) {
      this.ids[cell << 1] = id;
      this.ints[(cell << 2) + 2] = slot;
    } else {
      this.overflow.set(id, slot);
      this.ints[(cell << 2) + 3] = this.ints[(cell << 2) + 3]! + 1;
    }
    this.size++;
  }

  /** Removes `id`; returns its slot or -1 when absent. */
  delete(id: number): number {
    const cell = (id >>> 0) & this.mask;
    if (this.ids[cell << 1] === id) {
      this.ids[cell << 1] = 0;
      this.size--;
      return this.ints[(cell << 2) + 2]!;
    }
    if (this.ints[(cell << 2) + 3] === 0) return -1;
    const slot = this.overflow.delete(id);
    if (slot !== -1) {
      this.ints[(cell << 2) + 3] = this.ints[(cell << 2) + 3]! - 1;
      this.size--;
    }
    return slot;
  }

  /** Calls `visit(id, slot)` for every entry (snapshots and tests, not the hot path). */
  forEach(visit: (id: number, slot: number) => void): void {
    const cells = this.mask + 1;
    for (let cell = 0; cell < cells; cell++) if (this.ids[cell << 1] !== 0) visit(this.ids[cell << 1]!, this.ints[(cell << 2) + 2]!);
    this.overflow.forEach(visit);
  }
}
