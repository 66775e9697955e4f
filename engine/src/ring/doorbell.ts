import './atomicsWaitAsync.js';
/**
 * One wake-up cell shared by several producers and one consumer that reads many rings — the main
 * thread draining every shard's event ring. Waiting on each ring separately would need one
 * waitAsync per ring and a race; a doorbell lets the consumer park once for all of them.
 *
 * Producers `ring()` after publishing; the consumer drains every ring, then `waitAsync(seen)`
 * with the counter value read *before* draining, so a ring that came in meanwhile returns at once.
 */
export class Doorbell {
  private static readonly COUNT = 0;
  private static readonly PARKED = 1;
  private static readonly CLOSED = 2;
  private readonly cells: Int32Array;

  /** Wraps an existing doorbell's memory, or allocates a new one. */
  constructor(buffer: SharedArrayBuffer = new SharedArrayBuffer(4 * Int32Array.BYTES_PER_ELEMENT)) {
    this.cells = new Int32Array(buffer);
  }

  /** The shared memory, to post to producers at start-up. */
  get buffer(): SharedArrayBuffer {
    return this.cells.buffer as SharedArrayBuffer;
  }

  /** Current counter; read it before draining and pass it to `waitAsync`. */
  count(): number {
    return Atomics.load(this.cells, Doorbell.COUNT);
  }

  /** Signals new data; notifies only when the consumer is parked (no syscall under load). */
  ring(): void {
    Atomics.add(this.cells, Doorbell.COUNT, 1);
    if (Atomics.load(this.cells, Doorbell.PARKED) !== 0) Atomics.notify(this.cells, Doorbell.COUNT);
  }

  /** Resolves once the counter differs from `seen` or the doorbell is closed. */
  async waitAsync(seen: number): Promise<void> {
    Atomics.store(this.cells, Doorbell.PARKED, 1);
    if (Atomics.load(this.cells, Doorbell.COUNT) === seen && !this.isClosed()) {
      const result = Atomics.waitAsync(this.cells, Doorbell.COUNT, seen);
      if (result.async) await result.value;
    }
    Atomics.store(this.cells, Doorbell.PARKED, 0);
  }

  close(): void {
    Atomics.store(this.cells, Doorbell.CLOSED, 1);
    Atomics.add(this.cells, Doorbell.COUNT, 1);
    Atomics.notify(this.cells, Doorbell.COUNT);
  }

  isClosed(): boolean {
    return Atomics.load(this.cells, Doorbell.CLOSED) !== 0;
  }
}
