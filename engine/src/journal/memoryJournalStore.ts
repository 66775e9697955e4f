import { COMMAND_SLOT_SIZE } from '../core/index.js';
import { GroupCommit } from './groupCommit.js';
import { JournalClosedError, type IdMarks, type JournalStore, type ShardRecovery } from './journalStore.js';

const NO_IDS: IdMarks = { maxOrderId: 0, maxRequestId: 0 };

interface ShardLog {
  /** Durable command slots, from `base` on. */
  synced: Float64Array[];
  pending: Float64Array[];
  /** Position of the first slot kept in `synced`. */
  base: number;
  appended: number;
  snapshot: { position: number; data: Float64Array; ids: IdMarks; clientOrderAnswers: Uint8Array } | undefined;
}

/**
 * The journal in memory, for tests: same contract as the file store, including what a crash
 * loses. `crash()` forgets everything appended but not synced, as a killed process would.
 */
export class MemoryJournalStore implements JournalStore {
  private readonly shards = new Map<number, ShardLog>();
  private accounts: string[] = [];
  private pendingAccounts: string[] = [];
  /** Completed `sync()` calls (a test sees group commit from this). */
  syncs = 0;
  private closing = false;

  append(shard: number, slots: Float64Array): void {
    const log = this.log(shard);
    log.pending.push(slots.slice());
    log.appended += slots.length / COMMAND_SLOT_SIZE;
  }

  appendAccounts(names: readonly string[]): void {
    this.pendingAccounts.push(...names);
  }

  private readonly groupCommit = new GroupCommit(async () => {
    await Promise.resolve();
    this.syncNow();
  });

  sync(): Promise<void> {
    return this.groupCommit.commit();
  }

  private syncNow(): void {
    for (const log of this.shards.values()) {
      log.synced.push(...log.pending);
      log.pending = [];
    }
    this.accounts.push(...this.pendingAccounts);
    this.pendingAccounts = [];
    this.syncs++;
  }

  position(shard: number): number {
    return this.log(shard).appended;
  }

  beginSnapshot(shard: number): number {
    return this.log(shard).appended;
  }

  async writeSnapshot(
    shard: number,
    position: number,
    snapshot: Float64Array,
    ids: IdMarks,
    clientOrderAnswers: Uint8Array = new Uint8Array(0),
  ): Promise<void> {
    if (this.closing) throw new JournalClosedError(shard, position);
    // Handed over before close(), it awaits an earlier sync than close does, or the same one
    // registered first: it is stored before close resolves, as the file store's close waits.
    await this.sync();
    const log = this.log(shard);
    const all = concat(log.synced);
    const drop = (position - log.base) * COMMAND_SLOT_SIZE;
    log.synced = [all.slice(drop)];
    log.base = position;
    log.snapshot = { position, data: snapshot.slice(), ids, clientOrderAnswers: clientOrderAnswers.slice() };
  }

  load(shard: number): Promise<ShardRecovery> {
    const log = this.log(shard);
    return Promise.resolve({
      snapshot: log.snapshot?.data.slice(),
      snapshotPosition: log.snapshot?.position ?? 0,
      snapshotIds: log.snapshot?.ids ?? NO_IDS,
      snapshotClientOrderAnswers: log.snapshot?.clientOrderAnswers.slice() ?? new Uint8Array(0),
      commands: concat(log.synced),
    });
  }

  loadAccounts(): Promise<string[]> {
    return Promise.resolve([...this.accounts]);
  }

  /** Loses what was not synced, like a killed process. */
  crash(): void {
    for (const log of this.shards.values()) {
      log.appended -= log.pending.reduce((sum, slots) => sum + slots.length / COMMAND_SLOT_SIZE, 0);
      log.pending = [];
    }
    this.pendingAccounts = [];
  }

  async close(): Promise<void> {
    this.closing = true;
    await this.sync();
  }

  private log(shard: number): ShardLog {
    let log = this.shards.get(shard);
    if (log === undefined) {
      log = { synced: [], pending: [], base: 0, appended: 0, snapshot: undefined };
      this.shards.set(shard, log);
    }
    return log;
  }
}

function concat(chunks: readonly Float64Array[]): Float64Array {
  const out = new Float64Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
