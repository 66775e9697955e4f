import type { Logger } from 'pino';
import { COMMAND_SLOT_SIZE, snapshotSequence } from '../core/index.js';
import type { RingProducer } from '../ring/index.js';
import type { AccountDirectory } from '../shard/accountDirectory.js';
import type { ShardedEngine } from '../shard/shardedEngine.js';
import type { CommandWriter } from '../shard/commandWriter.js';
import { CommandJournal } from './commandJournal.js';
import { FileJournalStore } from './fileJournalStore.js';
import { JournalClosedError, type JournalStore } from './journalStore.js';
import { JournaledCommandWriter } from './journaledCommandWriter.js';
import { recoverJournal, type EngineRecovery } from './recovery.js';
import { TimedJournalStore, type JournalTimings } from './timedJournalStore.js';

export interface DurabilityOptions {
  /** Directory of the journal and snapshots (created when missing); one engine per directory. */
  readonly dir: string;
  /**
   * Commands per shard between snapshots. Default 100 000: replay after a crash then stays
   * under about a second per shard. 0 disables snapshots (the journal grows without bound).
   */
  readonly snapshotEvery?: number;
  /** Told how long each group commit and snapshot write took (the metrics endpoint). Default none. */
  readonly timings?: JournalTimings | undefined;
}

/** Where the engine's events go (the EventPublisher): snapshots wait for it (see `hooks`). */
export interface EventPublication {
  /** Resolves once every event of `shard` up to `sequence` is durable on the event bus. */
  whenPublished(shard: number, sequence: number): Promise<void>;
}

/** The hooks ShardedEngine.start takes from the journal (see the shell's ShardedEngineOptions). */
export interface JournalHooks {
  readonly commandWriter: (producer: RingProducer, shard: number) => CommandWriter;
  readonly snapshots: readonly (Float64Array | undefined)[];
  readonly onSnapshot: (shard: number, snapshot: Float64Array) => void;
  readonly firstOrderId: number;
  readonly firstRequestId: number;
}

/** What `resume` needs of the engine shell. */
export type ResumableEngine = Pick<
  ShardedEngine,
  'accounts' | 'shardCount' | 'recallClientOrderIds' | 'clientOrderAnswers'
>;

/** Thrown when journaling is asked for but the engine shell never built the journaled writers. */
export class JournalNotWiredError extends Error {
  constructor() {
    super(
      'journalDir is set but the engine shell ignored the journal hooks (ShardedEngineOptions.commandWriter)',
    );
    this.name = 'JournalNotWiredError';
  }
}

/**
 * Durability of one engine: opens the journal, recovers it, hands the shell its hooks (journaled
 * writers, snapshots to start from, ids to continue from), and after start re-registers the
 * accounts and replays each shard's journal tail through its ring, so the shards rebuild their
 * books and re-emit the same events with the same sequences before any new command runs.
 */
export class EngineDurability {
  readonly recovery: EngineRecovery;
  private readonly journal: CommandJournal;
  private readonly writers: JournaledCommandWriter[] = [];
  private accounts: AccountDirectory | undefined;
  private engine: ResumableEngine | undefined;
  private publication: EventPublication | undefined;

  private constructor(
    private readonly store: JournalStore,
    recovery: EngineRecovery,
    private readonly snapshotEvery: number,
    private readonly logger: Logger,
  ) {
    this.recovery = recovery;
    this.journal = new CommandJournal(
      store,
      { nameOf: (id) => this.accounts?.nameOf(id) ?? '' },
      { accounts: recovery.accounts.length, ids: recovery.ids },
      (shard) => this.engine?.clientOrderAnswers(shard) ?? Promise.resolve(new Uint8Array(0)),
    );
  }

  static async open(
    options: DurabilityOptions,
    shardCount: number,
    logger: Logger,
  ): Promise<EngineDurability> {
    const journalLogger = logger.child({ component: 'journal' });
    const store = FileJournalStore.open(options.dir, shardCount, journalLogger);
    return EngineDurability.openStore(
      options.timings === undefined ? store : new TimedJournalStore(store, options.timings),
      shardCount,
      options.snapshotEvery ?? 100_000,
      journalLogger,
    );
  }

  /** Same as `open` over any store (tests use the in-memory one). */
  static async openStore(
    store: JournalStore,
    shardCount: number,
    snapshotEvery: number,
    logger: Logger,
  ): Promise<EngineDurability> {
    const recovery = await recoverJournal(store, shardCount);
    logger.info(
      { commands: recovery.commands, accounts: recovery.accounts.length, ...recovery.ids },
      'journal recovered',
    );
    return new EngineDurability(store, recovery, snapshotEvery, logger);
  }

  /** The journal's hooks; `onFailure` hears of a failed journal write (the engine must stop). */
  hooks(onFailure: (error: Error) => void): JournalHooks {
    return {
      commandWriter: (producer, shard) => {
        const writer = new JournaledCommandWriter(
          producer,
          shard,
          this.journal,
          onFailure,
          this.logger,
          this.snapshotEvery,
        );
        this.writers[shard] = writer;
        return writer;
      },
      snapshots: this.recovery.shards.map((shard) => shard.snapshot),
      onSnapshot: (shard, snapshot) => {
        // Recovery restores the newest stored snapshot and re-emits only the events after it.
        // Stored while the bus is behind, it would make the events before it that the bus never
        // got unrecoverable after a crash: so it is stored once the bus has them all, and until
        // then the journal keeps the commands that re-emit them (replay from the previous
        // snapshot; consumers skip what they already applied by sequence). Nothing on the
        // command path waits for this; a slow bus only delays the snapshot.
        const published = this.publication?.whenPublished(shard, snapshotSequence(snapshot));
        this.journal.snapshotTaken(shard, snapshot, published).then(
          () => this.logger.debug({ shard }, 'snapshot written'),
          (error: unknown) =>
            error instanceof JournalClosedError
              ? this.logger.info(
                  { shard },
                  'snapshot not written: the journal closed first; the next start replays its commands',
                )
              : this.logger.error(
                  { err: error, shard },
                  'snapshot not written; the journal keeps everything it needs',
                ),
        );
      },
      firstOrderId: this.recovery.ids.maxOrderId + 1,
      firstRequestId: this.recovery.ids.maxRequestId + 1,
    };
  }

  /**
   * Call once the engine started, before it serves: restores account numbers and the remembered
   * client order ids (from the snapshots, and from the tails' SUBMITs as they replay), replays the
   * journal tails. With `publication` (the engine publishes to an event bus), each snapshot is stored only
   * once the bus has every event it covers; without, as soon as it is taken.
   */
  resume(engine: ResumableEngine, publication?: EventPublication): void {
    this.publication = publication;
    if (this.writers.length !== engine.shardCount || this.writers.includes(undefined as never))
      throw new JournalNotWiredError();
    this.accounts = engine.accounts;
    this.engine = engine;
    for (const [index, name] of this.recovery.accounts.entries()) {
      if (engine.accounts.idOf(name) !== index + 1)
        throw new Error(`journal: account ${name} did not get its old number ${index + 1}`);
    }
    engine.recallClientOrderIds(
      this.recovery.shards.map((shard) => shard.snapshotClientOrderAnswers),
      this.recovery.shards.map((shard) => shard.commands),
    );
    for (const [shard, recovered] of this.recovery.shards.entries()) {
      this.writers[shard]!.replay(recovered.commands, recovered.commands.length / COMMAND_SLOT_SIZE);
    }
  }

  /**
   * Syncs and closes the journal (after the engine stopped), once the snapshot files being
   * written are stored; a snapshot handed over later is not stored (logged, not an error).
   */
  close(): Promise<void> {
    return this.store.close();
  }
}
