import { COMMAND_SLOT_SIZE, CommandField } from '../core/index.js';
import type { IdMarks, JournalStore } from './journalStore.js';

/**
 * Shell command kind asking a worker for a snapshot of its shard (the core's kinds are 1–8,
 * shell kinds start at 64, QUERY_DEPTH is 64). It travels through the journaled writer like any
 * command, so the journal knows exactly which commands the snapshot includes.
 */
export const SNAPSHOT_COMMAND_KIND = 65;

/** Core command kinds (engine/PROTOCOL.md); everything else is the shell's and is not journaled. */
const isCoreCommand = (kind: number): boolean => kind >= 1 && kind < 64;

/** Account names by numeric id (the main thread's AccountDirectory). */
export interface AccountNames {
  nameOf(id: number): string;
}

/** The shell's remembered client order id answers of a shard, encoded (ShardedEngine.clientOrderAnswers). */
export type ClientOrderAnswersOf = (shard: number) => Promise<Uint8Array>;

/**
 * Journals what the engine's main thread sends its shards: the core command slots of each batch
 * (not depth queries: they change nothing), the account names registered meanwhile (a command
 * names its account by number, the number by registration order), and the position of each
 * snapshot request. `record` resolves once the batch is durable: the group commit.
 */
export class CommandJournal {
  private accountsJournaled: number;
  private marks: { maxOrderId: number; maxRequestId: number };
  /** Journal positions of snapshot requests per shard, oldest first, waiting for their snapshot. */
  private readonly snapshotPositions = new Map<number, number[]>();

  constructor(
    readonly store: JournalStore,
    private readonly accounts: AccountNames,
    recovered: { readonly accounts: number; readonly ids: IdMarks },
    private readonly clientOrderAnswers: ClientOrderAnswersOf = () => Promise.resolve(new Uint8Array(0)),
  ) {
    this.accountsJournaled = recovered.accounts;
    this.marks = { ...recovered.ids };
  }

  /** Highest ids journaled so far (for snapshots). */
  get idMarks(): IdMarks {
    return { ...this.marks };
  }

  /** Journals the `count` slots of `slots` sent to `shard`; resolves when they are on disk. */
  record(shard: number, slots: Float64Array, count: number): Promise<void> {
    this.journalNewAccounts();
    let runStart = 0;
    const flushRun = (end: number): void => {
      if (end > runStart)
        this.store.append(shard, slots.slice(runStart * COMMAND_SLOT_SIZE, end * COMMAND_SLOT_SIZE));
    };
    for (let i = 0; i < count; i++) {
      const at = i * COMMAND_SLOT_SIZE;
      const kind = slots[at + CommandField.KIND]!;
      if (isCoreCommand(kind)) {
        this.marks.maxRequestId = Math.max(this.marks.maxRequestId, slots[at + CommandField.REQUEST_ID]!);
        this.marks.maxOrderId = Math.max(this.marks.maxOrderId, slots[at + CommandField.ORDER_ID]!);
        continue;
      }
      flushRun(i);
      runStart = i + 1;
      if (kind === SNAPSHOT_COMMAND_KIND) this.positionsOf(shard).push(this.store.beginSnapshot(shard));
    }
    flushRun(count);
    return this.store.sync();
  }

  /**
   * Stores the snapshot answering `shard`'s oldest snapshot request, once `storable` resolved
   * (EngineDurability: once the event bus has every event the snapshot covers). Until then the
   * journal keeps the commands before it, and recovery starts from the previous snapshot.
   */
  async snapshotTaken(shard: number, snapshot: Float64Array, storable?: Promise<void>): Promise<void> {
    const position = this.positionsOf(shard).shift();
    if (position === undefined) throw new Error(`shard ${shard} sent a snapshot nobody asked for`);
    await storable;
    // Taken now, not at the request: a pair answered since is also in the journal after the
    // snapshot, and recovery keeps one entry per pair.
    const answers = await this.clientOrderAnswers(shard);
    await this.store.writeSnapshot(shard, position, snapshot, this.idMarks, answers);
  }

  private journalNewAccounts(): void {
    const names: string[] = [];
    for (let id = this.accountsJournaled + 1; ; id++) {
      const name = this.accounts.nameOf(id);
      if (name === '') break;
      names.push(name);
    }
    if (names.length === 0) return;
    this.store.appendAccounts(names);
    this.accountsJournaled += names.length;
  }

  private positionsOf(shard: number): number[] {
    let positions = this.snapshotPositions.get(shard);
    if (positions === undefined) {
      positions = [];
      this.snapshotPositions.set(shard, positions);
    }
    return positions;
  }
}
