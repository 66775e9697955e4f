import type { IdMarks, JournalStore, ShardRecovery } from './journalStore.js';

/** Durations a TimedJournalStore reports, in seconds. */
export interface JournalTimings {
  /** A `sync()`: the group commit a batch of commands waits on before its shard runs it. */
  onCommit(seconds: number): void;
  /** A `writeSnapshot()`: storing one shard snapshot durably. */
  onSnapshot(seconds: number): void;
}

const secondsSince = (started: number): number => (performance.now() - started) / 1_000;

/**
 * A JournalStore that times the waits the engine sees (group commits, snapshot writes) and
 * passes everything else through: one observation per commit, not per command.
 */
export class TimedJournalStore implements JournalStore {
  constructor(
    private readonly store: JournalStore,
    private readonly timings: JournalTimings,
  ) {}

  append(shard: number, slots: Float64Array): void {
    this.store.append(shard, slots);
  }

  appendAccounts(names: readonly string[]): void {
    this.store.appendAccounts(names);
  }

  async sync(): Promise<void> {
    const started = performance.now();
    await this.store.sync();
    this.timings.onCommit(secondsSince(started));
  }

  position(shard: number): number {
    return this.store.position(shard);
  }

  beginSnapshot(shard: number): number {
    return this.store.beginSnapshot(shard);
  }

  async writeSnapshot(
    shard: number,
    position: number,
    snapshot: Float64Array,
    ids: IdMarks,
    clientOrderAnswers?: Uint8Array,
  ): Promise<void> {
    const started = performance.now();
    await this.store.writeSnapshot(shard, position, snapshot, ids, clientOrderAnswers);
    this.timings.onSnapshot(secondsSince(started));
  }

  load(shard: number): Promise<ShardRecovery> {
    return this.store.load(shard);
  }

  loadAccounts(): Promise<string[]> {
    return this.store.loadAccounts();
  }

  close(): Promise<void> {
    return this.store.close();
  }
}
