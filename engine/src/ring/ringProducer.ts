import './atomicsWaitAsync.js';
import { CLOSED, CONSUMER_PARKED, HEAD, PRODUCER_PARKED, TAIL } from './ringLayout.js';
import type { RingBuffers } from './ringBuffers.js';
import { WAIT_STRATEGIES, type WaitStrategy } from './waitStrategy.js';

/** Thrown by the waiting claims when the ring was closed while the producer waited for space. */
export class RingClosedError extends Error {
  constructor() {
    super('ring closed');
    this.name = 'RingClosedError';
  }
}

/**
 * The writing side of an SPSC ring. Batched publication: claim up to N slots, write them through
 * `slots` at `offset(k)`, then `publish(n)` once — a single Atomics.store makes the whole batch
 * visible (the store releases every plain write before it to the consumer's Atomics.load).
 *
 * Never drops: when the ring is full the producer waits (`claim` parks the thread, `claimAsync`
 * waits without blocking the event loop).
 */
export class RingProducer {
  /** Slot storage; slot k of the current claim starts at word `offset(k)`. */
  readonly slots: Float64Array;
  readonly slotWords: number;
  readonly capacity: number;
  private readonly control: Int32Array;
  private readonly mask: number;
  private readonly strategy: WaitStrategy;
  /** Our own copy of HEAD: the producer is its only writer. */
  private head: number;
  /** Last TAIL seen; refreshed only when the ring looks full, to keep loads off the fast path. */
  private cachedTail: number;

  constructor(buffers: RingBuffers, strategy: WaitStrategy = WAIT_STRATEGIES.idle) {
    this.slots = new Float64Array(buffers.slots);
    this.slotWords = buffers.slotWords;
    this.capacity = buffers.capacity;
    this.control = new Int32Array(buffers.control);
    this.mask = buffers.capacity - 1;
    this.strategy = strategy;
    this.head = Atomics.load(this.control, HEAD);
    this.cachedTail = Atomics.load(this.control, TAIL);
  }

  /** Number of free slots, at most `wanted`, without waiting (0 when full). */
  tryClaim(wanted: number): number {
    let free = this.capacity - ((this.head - this.cachedTail) | 0);
    if (free < wanted) {
      this.cachedTail = Atomics.load(this.control, TAIL);
      free = this.capacity - ((this.head - this.cachedTail) | 0);
    }
    return free < wanted ? free : wanted;
  }

  /** Published slots the consumer has not released yet (for metrics; one atomic load). */
  used(): number {
    return (this.head - Atomics.load(this.control, TAIL)) | 0;
  }

  /** Word offset of the k-th slot after the published head (k < the last claim). */
  offset(k: number): number {
    return ((this.head + k) & this.mask) * this.slotWords;
  }

  /** Makes the next `count` written slots visible to the consumer and wakes it if parked. */
  publish(count: number): void {
    this.head = (this.head + count) | 0;
    Atomics.store(this.control, HEAD, this.head);
    if (Atomics.load(this.control, CONSUMER_PARKED) !== 0) Atomics.notify(this.control, HEAD);
  }

  /**
   * Claims `wanted` slots (at most the capacity), blocking the thread while the ring lacks room:
   * spin, then park in Atomics.wait on TAIL. Waiting for the whole batch rather than the first
   * free slot keeps batches full under back-pressure; otherwise a full ring degrades to one-slot
   * publications and both sides fight over the cursor cache lines. For worker threads only.
   */
  claim(wanted: number): number {
    const needed = Math.min(wanted, this.capacity);
    if (this.tryClaim(needed) === needed) return needed;
    for (let spin = 0; spin < this.strategy.spinIterations; spin++) {
      if (this.tryClaim(needed) === needed) return needed;
      if ((spin & 1023) === 0 && this.isClosed()) throw new RingClosedError();
    }
    for (;;) {
      if (this.isClosed()) throw new RingClosedError();
      const tail = this.parkBegin();
      if (this.tryClaim(needed) < needed && !this.isClosed()) Atomics.wait(this.control, TAIL, tail);
      Atomics.store(this.control, PRODUCER_PARKED, 0);
      if (this.tryClaim(needed) === needed) return needed;
    }
  }

  /**
   * Claims at least one and at most `wanted` slots without blocking the event loop: returns a
   * number at once when there is room, else a promise settled when the consumer frees space
   * (Atomics.waitAsync). For the main thread.
   */
  claimAsync(wanted: number): number | Promise<number> {
    const got = this.tryClaim(wanted);
    if (got > 0) return got;
    return this.waitForSpace(wanted);
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

  private async waitForSpace(wanted: number): Promise<number> {
    for (;;) {
      if (this.isClosed()) throw new RingClosedError();
      const tail = this.parkBegin();
      let got = this.tryClaim(wanted);
      if (got === 0 && !this.isClosed()) {
        const result = Atomics.waitAsync(this.control, TAIL, tail);
        if (result.async) await result.value;
      }
      Atomics.store(this.control, PRODUCER_PARKED, 0);
      got = this.tryClaim(wanted);
      if (got > 0) return got;
    }
  }

  /**
   * Announces the park before re-checking the ring: with sequentially consistent atomics either
   * the consumer sees the flag and notifies, or we see its new TAIL — no lost wake-up.
   */
  private parkBegin(): number {
    Atomics.store(this.control, PRODUCER_PARKED, 1);
    return Atomics.load(this.control, TAIL);
  }
}
