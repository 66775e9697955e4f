/**
 * Memory layout of a single-producer single-consumer ring over SharedArrayBuffer.
 *
 * The control block is an Int32Array (Atomics.wait/notify only work on Int32Array and
 * BigInt64Array). Each cursor sits on its own 64-byte cache line so the producer writing
 * `head` and the consumer writing `tail` do not invalidate each other's line (false sharing).
 *
 * Cursors are free-running 32-bit counters: they wrap at 2^32 and the slot index is
 * `cursor & (capacity - 1)`. `(head - tail) | 0` stays exact while capacity < 2^31.
 */

/** Int32 words per 64-byte cache line. */
const LINE = 16;

/** Published write cursor: slots before it hold complete records. Written by the producer only. */
export const HEAD = 0;
/** 1 while the consumer is parked in Atomics.wait on HEAD; tells the producer to notify. */
export const CONSUMER_PARKED = 1;
/** Consumed read cursor: slots before it may be overwritten. Written by the consumer only. */
export const TAIL = LINE;
/** 1 while the producer is parked in Atomics.wait on TAIL (ring full). */
export const PRODUCER_PARKED = LINE + 1;
/** 1 once either side closed the ring; wakes every parked side for good. */
export const CLOSED = 2 * LINE;
/** Int32 words in the control block: three cache lines. */
export const CONTROL_WORDS = 3 * LINE;

/** Bytes of one float64 word. */
export const WORD_BYTES = Float64Array.BYTES_PER_ELEMENT;
