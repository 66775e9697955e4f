import type { RingBuffers, WaitStrategyName } from '../ring/index.js';

/**
 * What the shell adds to the core's slot contract (engine/PROTOCOL.md "Command and event slots").
 * Shell command kinds start at 64, far from the core's 1–8; shell reply types are negative, so
 * the main thread tells them from core events by sign and they never enter the event history.
 */
export const ShellCommandKind = {
  /** [kind, requestId, symbolId, depth]: the worker answers with a DEPTH reply. */
  QUERY_DEPTH: 64,
} as const;

export const ShellReplyType = {
  /** [type, lastRequestId]: every command up to lastRequestId has produced all its events. */
  BATCH_DONE: -1,
  /**
   * [type, requestId, symbolId, bidLevels, askLevels, lastSequence], then
   * ceil((bidLevels + askLevels) × 3 / 16) raw data slots: price, quantity, orderCount per level,
   * bids best-first then asks best-first. Header and data are published together.
   */
  DEPTH: -2,
} as const;

export const DepthReplyField = {
  REQUEST_ID: 1,
  SYMBOL_ID: 2,
  BID_LEVELS: 3,
  ASK_LEVELS: 4,
  LAST_SEQUENCE: 5,
} as const;

/** Raw data slots following a DEPTH header. */
export function depthDataSlots(levels: number, slotWords: number): number {
  return Math.ceil((levels * 3) / slotWords);
}

/** One instrument as the worker registers it with its core. */
export interface ShardInstrument {
  readonly symbolId: number;
  readonly tickUnits: number;
  readonly lotUnits: number;
}

/** Start-up data posted once to a shard worker. */
export interface ShardWorkerData {
  readonly shard: number;
  readonly commands: RingBuffers;
  readonly events: RingBuffers;
  readonly doorbell: SharedArrayBuffer;
  readonly waitStrategy: WaitStrategyName;
  readonly instruments: readonly ShardInstrument[];
  /** Event slots the worker collects before copying them into the event ring. */
  readonly eventBatchSlots: number;
  /** Core snapshot to start from instead of `instruments` (journal recovery). */
  readonly snapshot?: Float64Array | undefined;
}

/** Messages a worker posts (start-up and shutdown only; never on the hot path). */
export type ShardWorkerMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'stopped'; readonly commands: number }
  | { readonly type: 'snapshot'; readonly snapshot: Float64Array };
