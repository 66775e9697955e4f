import { EVENT_SLOT_SIZE } from './layout.js';

/**
 * Where the core writes events: `count` consecutive EVENT_SLOT_SIZE-float64 slots of `slots`,
 * starting at slot `base`, at most `limit` of them before the buffer is full. The owner
 * publishes the written slots and sets `count` back to 0.
 *
 * One command may cause many events (a market order sweeping many levels), so a full buffer
 * is never an error: with `onFull` set the core calls it, and it must publish and reset `count`
 * (it may also move `base` and `limit`: a shard worker points them at the next free run of its
 * event ring, so events are encoded straight into shared memory with no copy); without
 * `onFull` the buffer doubles — allocation, but only when the high-water mark rises, never per
 * order once warm.
 */
export class EventBuffer {
  /** Event slots; may be replaced by a larger array when there is no `onFull`. */
  slots: Float64Array;
  /** Number of event slots written and not yet published. */
  count = 0;
  /** Slot index in `slots` of the first event (0 unless the owner moves it). */
  base = 0;
  /** Slots that may be written from `base` before the buffer is full. */
  limit: number;
  /** Called when the buffer is full; must publish the written events and set `count` to 0. */
  onFull: ((buffer: EventBuffer) => void) | null;

  constructor(capacitySlots = 1024, onFull: ((buffer: EventBuffer) => void) | null = null, slots?: Float64Array) {
    this.slots = slots ?? new Float64Array(capacitySlots * EVENT_SLOT_SIZE);
    this.limit = (this.slots.length / EVENT_SLOT_SIZE) | 0;
    this.onFull = onFull;
  }

  /** Capacity in slots. */
  get capacity(): number {
    return this.limit;
  }

  /**
   * Reserves the next slot and returns its offset in `slots` (values are stale: the writer sets
   * every field of the slot).
   */
  claim(): number {
    if (this.count >= this.limit) this.makeRoom();
    return (this.base + this.count++) * EVENT_SLOT_SIZE;
  }

  private makeRoom(): void {
    if (this.onFull !== null) {
      this.onFull(this);
      if (this.count < this.limit) return;
    }
    const grown = new Float64Array(Math.max(this.slots.length * 2, EVENT_SLOT_SIZE * 16));
    grown.set(this.slots.subarray(this.base * EVENT_SLOT_SIZE, (this.base + this.count) * EVENT_SLOT_SIZE));
    this.slots = grown;
    this.base = 0;
    this.limit = (grown.length / EVENT_SLOT_SIZE) | 0;
  }
}
