import './atomicsWaitAsync.js';
import { CLOSED, CONSUMER_PARKED, HEAD, PRODUCER_PARKED, TAIL } from './ringLayout.js';
import type { RingBuffers } from './ringBuffers.js';
import { WAIT_STRATEGIES, type WaitStrategy } from './waitStrategy.js';

/**
 * The reading side of an SPSC ring: `available()` published slots are readable at `offset(k)`;
 * `release(n)` hands them back to the producer (one Atomics.store per batch).
 */
export class RingConsumer {
  readonly slots: Float64Array;
  readonly slotWords: number;
  readonly capacity: number;
  private readonly control: Int32Array;
  private readonly mask: number;
  private readonly strategy: WaitStrategy;
  /** Our own copy of TAIL: the consumer is its only writer. */
  private tail: number;

  constructor(buffers: RingBuffers, strategy: WaitStrategy = WAIT_STRATEGIES.idle) {
    this.slots = new Float64Array(buffers.slots);
    this.slotWords = buffers.slotWords;
    this.capacity = buffers.capacity;
    this.control = new Int32Array(buffers.control);
    this.mask = buffers.capacity - 1;
    this.strategy = strategy;
    this.tail = Atomics.load(this.control, TAIL);
  }

  /**
   * Published slots not yet released (0 when empty), without waiting. Always reads HEAD: a
   * consumer may release only part of what it saw (the main thread holds back a depth reply
   * until its last slot arrives) and must then see what was published since. One atomic load
   * per batch, not per slot.
   */
  available(): number {
    return (Atomics.load(this.control, HEAD) - this.tail) | 0;
  }

  /** Word offset of the k-th unreleased slot. */
  offset(k: number): number {
    return ((this.tail + k) & this.mask) * this.slotWords;
  }

  /** Frees the next `count` slots for the producer and wakes it if it waits for space. */
  release(count: number): void {
    this.tail = (this.tail + count) | 0;
    Atomics.store(this.control, TAIL, this.tail);
    if (Atomics.load(this.control, PRODUCER_PARKED) !== 0) Atomics.notify(this.control, TAIL);
  }

  /**
   * Waits until slots are published, blocking the thread (spin, then Atomics.wait on HEAD).
   * Returns the number available, or 0 once the ring is closed and drained. Workers only.
   */
  waitForData(): number {
    let ready = this.available();
    for (let spin = 0; ready === 0 && spin < this.strategy.spinIterations; spin++) {
      ready = this.available();
    }
    while (ready === 0) {
      if (this.isClosed()) return this.available();
      Atomics.store(this.control, CONSUMER_PARKED, 1);
      const head = Atomics.load(this.control, HEAD);
      if (head === this.tail && !this.isClosed()) Atomics.wait(this.control, HEAD, head);
      Atomics.store(this.control, CONSUMER_PARKED, 0);
      ready = this.available();
    }
    return ready;
  }

  /** Like waitForData without blocking the event loop (Atomics.waitAsync). Main thread. */
  async waitForDataAsync(): Promise<number> {
    let ready = this.available();
    while (ready === 0) {
      if (this.isClosed()) return this.available();
      Atomics.store(this.control, CONSUMER_PARKED, 1);
      const head = Atomics.load(this.control, HEAD);
      if (head === this.tail && !this.isClosed()) {
        const result = Atomics.waitAsync(this.control, HEAD, head);
        if (result.async) await result.value;
      }
      Atomics.store(this.control, CONSUMER_PARKED, 0);
      ready = this.available();
    }
    return ready;
  }

  /** Marks the ring closed and wakes both sides. */
  close(): void {
    Atomics.store(this.control, CLOSED, 1);
    Atomics.notify(this.control, HEAD);
    Atomics.notify(this.control, TAIL);
  }

  isClosed(): boolean {
    return Atomics.load(this.control, CLOSED) !== 0;
  }
}
