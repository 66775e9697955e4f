import { EVENT_SLOT_SIZE } from '../core/index.js';

/**
 * Event slots waiting to be published, copied raw (128 bytes each, no objects) because they
 * arrive synchronously on the main thread's hot path; they become `TradingEvent` objects only
 * when the publisher takes a batch. A FIFO ring that doubles up to `limit` slots and then
 * refuses: the caller decides what a full queue means (it never drops silently).
 */
export class EventSlotQueue {
  private slots: Float64Array;
  private shards: Uint16Array;
  private head = 0;
  private count = 0;

  constructor(private readonly limit: number) {
    const initial = Math.min(limit, 4096);
    this.slots = new Float64Array(initial * EVENT_SLOT_SIZE);
    this.shards = new Uint16Array(initial);
  }

  get size(): number {
    return this.count;
  }

  /** Copies the slot at `offset` of `source`; false when the queue already holds `limit` slots. */
  push(shard: number, source: Float64Array, offset: number): boolean {
    if (this.count === this.capacity && !this.grow()) return false;
    const index = (this.head + this.count) % this.capacity;
    const at = index * EVENT_SLOT_SIZE;
    const slots = this.slots;
    for (let i = 0; i < EVENT_SLOT_SIZE; i++) slots[at + i] = source[offset + i]!;
    this.shards[index] = shard;
    this.count++;
    return true;
  }

  /** Calls `visit` for the oldest `n` slots (n ≤ size) in order and removes them. */
  shift(n: number, visit: (shard: number, slots: Float64Array, slotIndex: number) => void): void {
    for (let k = 0; k < n; k++) {
      const index = (this.head + k) % this.capacity;
      visit(this.shards[index]!, this.slots, index);
    }
    this.head = (this.head + n) % this.capacity;
    this.count -= n;
  }

  private get capacity(): number {
    return this.shards.length;
  }

  private grow(): boolean {
    const capacity = this.capacity;
    if (capacity >= this.limit) return false;
    const next = Math.min(capacity * 2, this.limit);
    const slots = new Float64Array(next * EVENT_SLOT_SIZE);
    const shards = new Uint16Array(next);
    for (let k = 0; k < this.count; k++) {
      const from = (this.head + k) % capacity;
      slots.set(
        this.slots.subarray(from * EVENT_SLOT_SIZE, (from + 1) * EVENT_SLOT_SIZE),
        k * EVENT_SLOT_SIZE,
      );
      shards[k] = this.shards[from]!;
    }
    this.slots = slots;
    this.shards = shards;
    this.head = 0;
    return true;
  }
}
