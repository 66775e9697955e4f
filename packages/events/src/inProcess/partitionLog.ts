/**
 * One partition of an in-process topic: an append-only list of events addressed by offset,
 * like a Kafka partition. The bus trims it: what every group has read, and with no group reading
 * it all but a bounded tail.
 */
import type { TradingEvent } from '../eventSchema.js';

export class PartitionLog {
  #events: TradingEvent[] = [];
  /** Offset of `#events[0]`. */
  #base = 0;

  /** Offset of the oldest event still held. */
  get start(): number {
    return this.#base;
  }

  /** Offset the next appended event gets. */
  get end(): number {
    return this.#base + this.#events.length;
  }

  append(event: TradingEvent): void {
    this.#events.push(event);
  }

  /** The event at `offset`, or undefined when it was trimmed or is not written yet. */
  at(offset: number): TradingEvent | undefined {
    return this.#events[offset - this.#base];
  }

  /** Drops events below `offset`. Slicing in chunks keeps trimming amortised O(1) per event. */
  trimBefore(offset: number): void {
    const drop = Math.min(offset, this.end) - this.#base;
    if (drop <= 0) return;
    if (drop < 1024 && drop < this.#events.length / 2) return;
    this.#events = this.#events.slice(drop);
    this.#base += drop;
  }
}

/**
 * Partition of a key: FNV-1a 32-bit, so one key always lands on one partition (per-key order)
 * and keys spread evenly across partitions.
 */
export function partitionForKey(key: string, partitions: number): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < key.length; index += 1) {
    hash ^= key.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % partitions;
}
