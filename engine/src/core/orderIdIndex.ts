import { IdIndex } from './idIndex.js';

/**
 * Order id → order slot, tuned for ids the main thread hands out in increasing order: a
 * direct-mapped window indexed by the id's low bits, so consecutive orders use neighbouring
 * cells (cache lines stay hot, where a hash scatters them over megabytes), with a hash index
 * for the rare id whose cell is still held by a much older live order. Any positive integer id
 * works; increasing ones are just fastest.
 */
export class OrderIdIndex {
  private readonly ids: Float64Array;
  private readonly slots: Int32Array;
  private readonly mask: number;
  private readonly overflow = new IdIndex(1024);
  /** Per cell, how many ids of that cell live in `overflow`: 0 (the usual case) skips the hash. */
  private readonly overflowCount: Uint16Array;
  /** Number of ids stored. */
  size = 0;

  /** `windowBits`: log2 of the window; 2^17 cells hold the ids of ~100k recent orders. */
  constructor(windowBits = 17) {
    this.ids = new Float64Array(1 << windowBits);
    this.slots = new Int32Array(1 << windowBits);
    this.overflowCount = new Uint16Array(1 << windowBits);
    this.mask = (1 << windowBits) - 1;
  }

  /** Slot stored for `id`, or -1. */
  get(id: number): number {
    const cell = (id >>> 0) & this.mask;
    if (this.ids[cell] === id) return this.slots[cell]!;
    return this.overflowCount[cell] === 0 ? -1 : this.overflow.get(id);
  }

  /** Stores `id → slot`; `id` must not be stored already. More than 65 535 live ids sharing one cell is not supported. */
  set(id: number, slot: number): void {
    const cell = (id >>> 0) & this.mask;
    if (this.ids[cell] === 0) {
      this.ids[cell] = id;
      this.slots[cell] = slot;
    } else {
      this.overflow.set(id, slot);
      this.overflowCount[cell] = this.overflowCount[cell]! + 1;
    }
    this.size++;
  }

  /** Removes `id`; returns its slot or -1 when absent. */
  delete(id: number): number {
    const cell = (id >>> 0) & this.mask;
    if (this.ids[cell] === id) {
      this.ids[cell] = 0;
      this.size--;
      return this.slots[cell]!;
    }
    if (this.overflowCount[cell] === 0) return -1;
    const slot = this.overflow.delete(id);
    if (slot !== -1) {
      this.overflowCount[cell] = this.overflowCount[cell]! - 1;
      this.size--;
    }
    return slot;
  }

  /** Calls `visit(id, slot)` for every entry (snapshots and tests, not the hot path). */
  forEach(visit: (id: number, slot: number) => void): void {
    for (let cell = 0; cell < this.ids.length; cell++) if (this.ids[cell] !== 0) visit(this.ids[cell]!, this.slots[cell]!);
    this.overflow.forEach(visit);
  }
}
