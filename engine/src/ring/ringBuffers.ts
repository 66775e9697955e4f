import { CONTROL_WORDS, WORD_BYTES } from './ringLayout.js';

/**
 * The shared memory of one ring. A plain object of SharedArrayBuffers and numbers, so it can be
 * posted to a worker once at start-up; both sides then build their view over the same memory.
 */
export interface RingBuffers {
  readonly control: SharedArrayBuffer;
  readonly slots: SharedArrayBuffer;
  /** Slots in the ring; a power of two so the slot index is a mask, not a division. */
  readonly capacity: number;
  /** Float64 words per slot (16 words = 128 bytes = two cache lines). */
  readonly slotWords: number;
}

export interface RingOptions {
  /** Slots in the ring, rounded up to a power of two. */
  readonly capacity: number;
  /** Float64 words per slot. */
  readonly slotWords: number;
}

/** Allocates the shared memory of an empty ring. */
export function createRingBuffers({ capacity, slotWords }: RingOptions): RingBuffers {
  if (!Number.isInteger(capacity) || capacity < 2 || capacity > 2 ** 30) {
    throw new RangeError(`ring capacity must be an integer in [2, 2^30], got ${capacity}`);
  }
  if (!Number.isInteger(slotWords) || slotWords < 1) {
    throw new RangeError(`ring slotWords must be a positive integer, got ${slotWords}`);
  }
  const rounded = 2 ** Math.ceil(Math.log2(capacity));
  return {
    control: new SharedArrayBuffer(CONTROL_WORDS * Int32Array.BYTES_PER_ELEMENT),
    slots: new SharedArrayBuffer(rounded * slotWords * WORD_BYTES),
    capacity: rounded,
    slotWords,
  };
}
