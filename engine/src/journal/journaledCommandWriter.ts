import type { Logger } from 'pino';
import { COMMAND_SLOT_SIZE } from '../core/index.js';
import type { RingProducer } from '../ring/index.js';
import { CommandWriter } from '../shard/commandWriter.js';
import { SNAPSHOT_COMMAND_KIND, type CommandJournal } from './commandJournal.js';

/**
 * A CommandWriter that journals before it lets commands run: slots are staged on the main
 * thread, `flush()` hands the batch to the journal, and only once the journal has synced it
 * (group commit) do the slots enter the shard's ring. A shard's replies and events come from
 * executing commands, so nothing is acknowledged before it is durable. Batches enter the ring in
 * flush order, so per-shard order stays request order.
 */
export class JournaledCommandWriter extends CommandWriter {
  private staged: Float64Array;
  private stagedCount = 0;
  /** Slots journaled or being journaled, not yet in the ring. */
  private inFlight = 0;
  /** Resolves when every batch flushed so far has entered the ring. */
  private forwarded: Promise<void> = Promise.resolve();
  /** Set by a failed journal write: nothing after it may run, or replay would not reproduce it. */
  private failed = false;
  /** Journal position since the last snapshot request. */
  private sinceSnapshot = 0;

  constructor(
    producer: RingProducer,
    private readonly shard: number,
    private readonly journal: CommandJournal,
    private readonly onFailure: (error: Error) => void,
    private readonly logger: Logger,
    /** Commands between snapshot requests; 0 = never (the worker must answer SNAPSHOT_COMMAND_KIND). */
    private readonly snapshotEvery: number,
  ) {
    super(producer);
    this.staged = new Float64Array(256 * COMMAND_SLOT_SIZE);
    this.target = this.staged;
  }

  override get queued(): number {
    return this.stagedCount + this.inFlight + super.queued;
  }

  override claimSlot(): number {
    if ((this.stagedCount + 1) * COMMAND_SLOT_SIZE > this.staged.length) {
      const grown = new Float64Array(this.staged.length * 2);
      grown.set(this.staged);
      this.staged = grown;
    }
    this.target = this.staged;
    return this.stagedCount++ * COMMAND_SLOT_SIZE;
  }

  override flush(): void {
    if (this.stagedCount === 0) return;
    this.sinceSnapshot += this.stagedCount;
    // A snapshot request goes first in its batch: the worker reports a batch done up to the
    // request id of its last slot, which must stay a real command's.
    const snapshot = this.snapshotEvery > 0 && this.sinceSnapshot >= this.snapshotEvery ? 1 : 0;
    if (snapshot === 1) this.sinceSnapshot = 0;
    const count = this.stagedCount + snapshot;
    const batch = new Float64Array(count * COMMAND_SLOT_SIZE);
    if (snapshot === 1) batch[0] = SNAPSHOT_COMMAND_KIND;
    batch.set(this.staged.subarray(0, this.stagedCount * COMMAND_SLOT_SIZE), snapshot * COMMAND_SLOT_SIZE);
    this.stagedCount = 0;
    this.inFlight += count;
    const durable = this.journal.record(this.shard, batch, count);
    const previous = this.forwarded;
    this.forwarded = Promise.all([previous, durable]).then(
      () => {
        this.inFlight -= count;
        if (!this.failed) this.forward(batch, count);
      },
      (error: unknown) => {
        this.failed = true;
        const failure = error instanceof Error ? error : new Error(String(error));
        this.logger.fatal(
          { err: failure, shard: this.shard, commands: count },
          'journal write failed; these commands will not run',
        );
        this.onFailure(failure);
      },
    );
  }

  override async drained(): Promise<void> {
    await this.forwarded;
    await super.drained();
  }

  /** Puts slots straight into the ring, unjournaled: recovery replays what the journal holds. */
  replay(slots: Float64Array, count: number): void {
    // A long replayed tail asks for a snapshot with the first new batch, so the next replay is short.
    this.sinceSnapshot += count;
    this.forward(slots, count);
  }

  private forward(slots: Float64Array, count: number): void {
    for (let i = 0; i < count; i++) {
      const at = super.claimSlot();
      this.target.set(slots.subarray(i * COMMAND_SLOT_SIZE, (i + 1) * COMMAND_SLOT_SIZE), at);
    }
    super.flush();
    this.target = this.staged;
  }
}
