import type { RingProducer } from '../ring/index.js';

/**
 * Writes command slots into one shard's inbound ring from the main thread, never blocking the
 * event loop and never dropping. While the ring has room, commands go straight into it and are
 * published together by `flush()` (one Atomics.store per batch). When it is full, commands queue
 * in order in a local overflow buffer that an async drain moves into the ring as the worker frees
 * slots; every later command queues behind them, so per-shard order always equals request order.
 *
 * Usage: `const at = writer.claimSlot(); writer.target[at + field] = …;` for each command, then
 * `flush()`. `queued` tells callers how far behind the ring is, so streams can pause reading.
 */
export class CommandWriter {
  /** Where the last claimed slot lives: the ring's slots or the overflow buffer. */
  target: Float64Array;
  private readonly producer: RingProducer;
  private readonly slotWords: number;
  /** Slots written to the ring since the last publish. */
  private unpublished = 0;
  private overflow: Float64Array;
  private overflowHead = 0;
  private overflowCount = 0;
  private draining: Promise<void> | undefined;

  constructor(producer: RingProducer) {
    this.producer = producer;
    this.slotWords = producer.slotWords;
    this.target = producer.slots;
    this.overflow = new Float64Array(256 * this.slotWords);
  }

  /** Commands waiting in the overflow buffer for ring space. */
  get queued(): number {
    return this.overflowCount;
  }

  /** Returns the word offset in `target` of a fresh slot for the next command. */
  claimSlot(): number {
    if (this.overflowCount === 0 && this.producer.tryClaim(this.unpublished + 1) > this.unpublished) {
      this.target = this.producer.slots;
      return this.producer.offset(this.unpublished++);
    }
    this.target = this.overflow;
    return this.claimOverflowSlot();
  }

  /** Publishes the slots written since the last flush and starts draining any overflow. */
  flush(): void {
    if (this.unpublished > 0) {
      this.producer.publish(this.unpublished);
      this.unpublished = 0;
    }
    if (this.overflowCount > 0 && this.draining === undefined) {
      // The drain only fails when the ring is closed (shutdown, or its worker died); the requests
      // behind those commands are failed by their owner then, so nothing else is to be done here.
      this.draining = this.drain()
        .catch(() => undefined)
        .finally(() => (this.draining = undefined));
    }
  }

  /** Resolves once the overflow buffer is empty (at once when it is). */
  async drained(): Promise<void> {
    while (this.draining !== undefined) await this.draining;
  }

  private claimOverflowSlot(): number {
    const capacity = this.overflow.length / this.slotWords;
    if (this.overflowHead + this.overflowCount === capacity) {
      // Compact to the front, growing when more than half is in use.
      const used = this.overflow.subarray(this.overflowHead * this.slotWords, capacity * this.slotWords);
      const next =
        this.overflowCount * 2 > capacity ? new Float64Array(capacity * 2 * this.slotWords) : this.overflow;
      next.set(used, 0);
      this.overflow = next;
      this.target = next;
      this.overflowHead = 0;
    }
    return (this.overflowHead + this.overflowCount++) * this.slotWords;
  }

  private async drain(): Promise<void> {
    while (this.overflowCount > 0) {
      const claimed = this.producer.claimAsync(Math.min(this.overflowCount, 1024));
      const got = typeof claimed === 'number' ? claimed : await claimed;
      for (let k = 0; k < got; k++) {
        const from = (this.overflowHead + k) * this.slotWords;
        this.producer.slots.set(this.overflow.subarray(from, from + this.slotWords), this.producer.offset(k));
      }
      this.producer.publish(got);
      this.overflowHead += got;
      this.overflowCount -= got;
    }
    this.overflowHead = 0;
  }
}
