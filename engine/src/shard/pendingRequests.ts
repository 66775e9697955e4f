/**
 * Requests waiting for their events, per shard, in the order their commands entered the shard's
 * ring. A shard executes commands in ring order and emits each command's events before the next
 * command's, so only the head can be receiving events: an event for a later request id, or a
 * BATCH_DONE marker at or past an entry's last id, completes every entry before it. O(1) per event.
 */
export interface PendingEntry {
  /** First and last request id of this entry's commands in the shard (a batch spans a range). */
  readonly firstRequestId: number;
  readonly lastRequestId: number;
  /** Each event slot caused by one of the entry's commands. */
  onEvent(slots: Float64Array, offset: number): void;
  /** Every command of the entry has produced all its events. */
  onDone(): void;
}

export class PendingRequests {
  private entries: (PendingEntry | undefined)[] = [];
  private head = 0;

  get size(): number {
    return this.entries.length - this.head;
  }

  /** Registers an entry; its ids must be above every id already queued for this shard. */
  add(entry: PendingEntry): void {
    this.entries.push(entry);
  }

  /** Routes one event caused by `requestId` to its entry, completing the entries before it. */
  onEvent(requestId: number, slots: Float64Array, offset: number): void {
    let entry = this.entries[this.head];
    while (entry !== undefined && entry.lastRequestId < requestId) {
      this.shift().onDone();
      entry = this.entries[this.head];
    }
    if (entry !== undefined && entry.firstRequestId <= requestId) entry.onEvent(slots, offset);
  }

  /** Completes every entry whose commands all ran (last id ≤ `lastRequestId`). */
  onBatchDone(lastRequestId: number): void {
    let entry = this.entries[this.head];
    while (entry !== undefined && entry.lastRequestId <= lastRequestId) {
      this.shift().onDone();
      entry = this.entries[this.head];
    }
  }

  /** Removes every entry, e.g. on shutdown; returns them so the caller can fail them. */
  drain(): PendingEntry[] {
    const rest = this.entries.slice(this.head).filter((entry): entry is PendingEntry => entry !== undefined);
    this.entries = [];
    this.head = 0;
    return rest;
  }

  private shift(): PendingEntry {
    const entry = this.entries[this.head] as PendingEntry;
    this.entries[this.head] = undefined;
    this.head++;
    // Compact once the consumed prefix dominates, keeping shift amortised O(1).
    if (this.head > 1024 && this.head * 2 > this.entries.length) {
      this.entries = this.entries.slice(this.head);
      this.head = 0;
    }
    return entry;
  }
}
