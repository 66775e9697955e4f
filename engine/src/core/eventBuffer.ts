import { EVENT_SLOT_SIZE } from './layout.js';

/**
 * Where the core writes events: consecutive EVENT_SLOT_SIZE-float64 slots in `slots`, `count` of
 * them written so far. The owner (the shard worker) publishes the first `count` slots and sets
 * `count` back to 0.
 *
 * One command may cause many events (a market order sweeping many levels), so a full buffer
 * is never an error: with `onFull` set the core calls it, and it must publish and reset `count`
 * (so a shared-memory buffer is never reallocated); without it the buffer doubles — allocation,
 * but only when the high-water mark rises, never per order once warm.
 */
export class EventBuffer {
  /** Event slots; may be replaced by a larger array when there is no `onFull`. */
  slots: Float64Array;
  /** Number of event slots written and not yet published. */
  count = 0;
  /** Called when the buffer is full; must publish the written events and set `count` to 0. */
  onFull: ((buffer: EventBuffer) => void) | null;

  constructor(capacitySlots = 1024, onFull: ((buffer: EventBuffer) => void) | null = null, slots?: Float64Array) {
    this.slots = slots ?? new Float64Array(capacitySlots * EVENT_SLOT_SIZE);
    this.onFull = onFull;
  }

  /** Capacity in slots. */
  get capacity(): number {
    return (this.slots.length / EVENT_SLOT_SIZE) | 0;
  }

  /**
   * Reserves the next slot and returns its offset in `slots` (values are stale: the writer sets
   * every field it uses; unused fields are zeroed by the writer, see `writeEventHeader`).
   */
  claim(): number {
    if ((this.count + 1) * EVENT_SLOT_SIZE > this.slots.length) this.makeRoom();
    const offset = this.count * EVENT_SLOT_SIZE;
    this.count++;
    return offset;
  }

  private makeRoom(): void {
    if (this.onFull !== null) {
      this.onFull(this);
      if ((this.count + 1) * EVENT_SLOT_SIZE <= this.slots.length) return;
    }
    const grown = new Float64Array(Math.max(this.slots.length * 2, EVENT_SLOT_SIZE * 16));
    grown.set(this.slots.subarray(0, this.count * EVENT_SLOT_SIZE));
    this.slots = grown;
  }
}
