import { EVENT_SLOT_SIZE, EventField } from '../core/index.js';

/**
 * The last `capacity` events of one shard, kept as raw slots so StreamEvents can replay from a
 * sequence. Sequences are gapless per shard, so an event's place is `sequence mod capacity` and
 * lookup is O(1). Memory: capacity × 128 bytes.
 */
export class EventHistory {
  private readonly slots: Float64Array;
  private readonly capacity: number;
  /** Sequence of the newest retained event; 0 before the first. */
  private newest = 0;
  /** First sequence this history ever held: a shard restored from a snapshot starts above 1. */
  private first = 1;

  constructor(capacity: number) {
    this.capacity = capacity;
    this.slots = new Float64Array(capacity * EVENT_SLOT_SIZE);
  }

  /** Sequence of the newest event seen (0 = none). */
  get lastSequence(): number {
    return this.newest;
  }

  /** Sequence of the oldest event still retained (newest + 1 when empty). */
  get oldestSequence(): number {
    return Math.max(this.first, this.newest - this.capacity + 1);
  }

  /**
   * For a shard restored from a snapshot taken after event `sequence`: the events up to it are
   * gone (a replay from them is out of range), and the next one appended is `sequence + 1`.
   */
  startAfter(sequence: number): void {
    this.newest = sequence;
    this.first = sequence + 1;
  }

  /** Copies one event slot in. */
  append(source: Float64Array, offset: number): void {
    const sequence = source[offset + EventField.SEQUENCE] ?? 0;
    this.newest = sequence;
    const at = (sequence % this.capacity) * EVENT_SLOT_SIZE;
    // A plain loop, not set(subarray()): a subarray is an object per event, and this runs for
    // every event of every shard on the main thread.
    const slots = this.slots;
    for (let i = 0; i < EVENT_SLOT_SIZE; i++) slots[at + i] = source[offset + i]!;
  }

  /**
   * Calls `visit` for each retained event from `fromSequence` to the newest, in order. Returns
   * false (visiting nothing) when `fromSequence` is older than what is retained.
   */
  replay(fromSequence: number, visit: (slots: Float64Array, offset: number) => void): boolean {
    if (fromSequence < this.oldestSequence && fromSequence <= this.newest) return false;
    for (let sequence = Math.max(fromSequence, 1); sequence <= this.newest; sequence++) {
      visit(this.slots, (sequence % this.capacity) * EVENT_SLOT_SIZE);
    }
    return true;
  }
}
