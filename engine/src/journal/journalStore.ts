/**
 * Where a shard's accepted commands and snapshots are kept, so an acknowledged order survives a
 * crash. Like exchange-core's journal: the engine shell talks to this interface; the file store
 * is production, the memory store its twin for tests.
 *
 * Positions count command slots appended to a shard since the journal began (0, 1, 2, …). A
 * snapshot taken at position P holds the shard's state after the first P commands; recovery
 * restores the newest snapshot and replays the commands from P on.
 */
export interface JournalStore {
  /** Appends command slots (whole 16-value slots) to `shard`'s journal; durable after `sync()`. */
  append(shard: number, slots: Float64Array): void;
  /** Appends account names registered since the last call, in registration order (id = index + 1). */
  appendAccounts(names: readonly string[]): void;
  /**
   * Makes everything appended so far durable (fsync). Concurrent calls share one fsync per file
   * (group commit): a call resolves once every append made before it is on disk.
   */
  sync(): Promise<void>;
  /** Commands appended to `shard` so far. */
  position(shard: number): number;
  /**
   * Starts a snapshot of `shard` at its current position: later appends go to a new journal
   * segment. Returns the position the snapshot must describe.
   */
  beginSnapshot(shard: number): number;
  /**
   * Stores the snapshot taken at `position` (durably) with the shell's id high-water marks at
   * that point and its remembered client order id answers (`clientOrderAnswers`, bytes of the
   * shell's ClientOrderAnswerWriter; default none), then drops what it makes unnecessary.
   * Resolves once all of that is done; until then recovery uses the previous snapshot. A shard's
   * snapshots are stored one at a time, in the order handed over. Rejects with
   * JournalClosedError once `close()` began.
   */
  writeSnapshot(
    shard: number,
    position: number,
    snapshot: Float64Array,
    ids: IdMarks,
    clientOrderAnswers?: Uint8Array,
  ): Promise<void>;
  /** What recovery needs for `shard`: its newest snapshot and every command journaled after it. */
  load(shard: number): Promise<ShardRecovery>;
  /** Every account name journaled, in registration order. */
  loadAccounts(): Promise<string[]>;
  /** Syncs, waits for the snapshot writes in flight, and releases files. */
  close(): Promise<void>;
}

/**
 * A snapshot handed to a journal store after its `close()` began: not stored. Nothing is lost:
 * the journal keeps the commands the snapshot covers, the next start replays them.
 */
export class JournalClosedError extends Error {
  constructor(shard: number, position: number) {
    super(`journal closed: the snapshot of shard ${shard} at position ${position} was not stored`);
    this.name = 'JournalClosedError';
  }
}

/**
 * The largest order and request ids the shell had handed out. Fully filled orders are not in a
 * snapshot, so the ids cannot be recovered from the book: they travel with the snapshot.
 */
export interface IdMarks {
  readonly maxOrderId: number;
  readonly maxRequestId: number;
}

export interface ShardRecovery {
  /** The newest complete snapshot, if any. */
  readonly snapshot: Float64Array | undefined;
  /** Position the snapshot describes (0 without one). */
  readonly snapshotPosition: number;
  /** Id marks stored with the snapshot (0 without one). */
  readonly snapshotIds: IdMarks;
  /**
   * Client order id answers stored with the snapshot, as ClientOrderAnswerWriter encodes them
   * (empty without one, or when it was written before they were stored): the pairs whose SUBMIT
   * the snapshot covers survive through these.
   */
  readonly snapshotClientOrderAnswers: Uint8Array;
  /** Command slots journaled after the snapshot, in order. */
  readonly commands: Float64Array;
}
