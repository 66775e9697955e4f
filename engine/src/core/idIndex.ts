/**
 * Open-addressing hash index from a positive integer id (below 2^53, kept in a float64) to a
 * non-negative int32 slot. Linear probing with backward-shift deletion, so there are no
 * tombstones and lookups stay short however many ids come and go. Key 0 marks an empty cell,
 * which is why ids must be positive. Fibonacci hashing spreads sequential ids (orders numbered
 * 1, 2, 3, …) over the table.
 */
export class IdIndex {
  private keys: Float64Array;
  private values: Int32Array;
  private mask: number;
  private shift: number;
  /** Number of ids stored. */
  size = 0;

  constructor(initialCapacity = 1024) {
    let capacity = 16;
    while (capacity < initialCapacity * 2) capacity *= 2;
    this.keys = new Float64Array(capacity);
    this.values = new Int32Array(capacity);
    this.mask = capacity - 1;
    this.shift = 32 - Math.log2(capacity);
  }

  private home(id: number): number {
    // Mix both 32-bit halves so ids above 2^32 do not collide by their low word.
    return Math.imul((id >>> 0) ^ ((id / 4294967296) | 0), 0x9e3779b1) >>> this.shift;
  }

  /** Slot stored for `id`, or -1. */
  get(id: number): number {
    const keys = this.keys;
    const mask = this.mask;
    let i = this.home(id);
    for (;;) {
      const k = keys[i]!;
      if (k === id) return this.values[i]!;
      if (k === 0) return -1;
      i = (i + 1) & mask;
    }
  }

  /** Stores `id → slot`, replacing any previous slot. */
  set(id: number, slot: number): void {
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    const keys = this.keys;
    const mask = this.mask;
    let i = this.home(id);
    for (;;) {
      const k = keys[i]!;
      if (k === id) {
        this.values[i] = slot;
        return;
      }
      if (k === 0) {
        keys[i] = id;
        this.values[i] = slot;
        this.size++;
        return;
      }
      i = (i + 1) & mask;
    }
  }

  /** Removes `id`; returns its slot or -1 when absent. */
  delete(id: number): number {
    const keys = this.keys;
    const values = this.values;
    const mask = this.mask;
    let i = this.home(id);
    for (;;) {
      const k = keys[i]!;
      if (k === 0) return -1;
      if (k === id) break;
      i = (i + 1) & mask;
    }
    const slot = values[i]!;
    // Backward-shift: pull later entries of the probe run into the hole when their home
    // position allows it, so every remaining key stays reachable from its home.
    let hole = i;
    let j = (i + 1) & mask;
    for (;;) {
      const k = keys[j]!;
      if (k === 0) break;
      const h = this.home(k);
      // Move k if its home is not cyclically within (hole, j].
      const distanceToJ = (j - h) & mask;
      const distanceToHole = (j - hole) & mask;
      if (distanceToJ >= distanceToHole) {
        keys[hole] = k;
        values[hole] = values[j]!;
        hole = j;
      }
      j = (j + 1) & mask;
    }
    keys[hole] = 0;
    this.size--;
    return slot;
  }

  /** Calls `visit(id, slot)` for every entry (snapshots and tests, not the hot path). */
  forEach(visit: (id: number, slot: number) => void): void {
    const keys = this.keys;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== 0) visit(keys[i]!, this.values[i]!);
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldValues = this.values;
    const capacity = oldKeys.length * 2;
    this.keys = new Float64Array(capacity);
    this.values = new Int32Array(capacity);
    this.mask = capacity - 1;
    this.shift = 32 - Math.log2(capacity);
    this.size = 0;
    for (let i = 0; i < oldKeys.length; i++) if (oldKeys[i] !== 0) this.set(oldKeys[i]!, oldValues[i]!);
  }
}
