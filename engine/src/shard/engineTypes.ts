/** Options, values and errors of the transport-free engine shell (`ShardedEngine`). */
import type { Logger } from 'pino';
import type { InstrumentSpec } from '../instruments.js';
import type { RingProducer, WaitStrategyName } from '../ring/index.js';
import type { CommandWriter } from './commandWriter.js';

export interface ShardedEngineOptions {
  readonly instruments: readonly InstrumentSpec[];
  readonly shards: number;
  readonly waitStrategy: WaitStrategyName;
  /** Events kept per shard for StreamEvents replay. Default 100 000 (12.8 MB per shard). */
  readonly historyPerShard?: number;
  /** Commands that may queue behind a full ring per shard before new requests are refused. Default 1 000 000. */
  readonly maxQueuedCommands?: number;
  /** Slots per ring. Default 65 536. */
  readonly ringCapacity?: number;
  /**
   * Interval of the ADVANCE_TIME heartbeat sent to every shard, in ms. Candles close when a
   * command carries a later timestamp; without a heartbeat a quiet symbol's candle would stay
   * open. Default 1 000 (the shortest candle); 0 disables it.
   */
  readonly heartbeatMs?: number;
  readonly logger: Logger;
  /** Builds each shard's command writer (the journal wraps the ring's). Default a plain CommandWriter. */
  readonly commandWriter?: (producer: RingProducer, shard: number) => CommandWriter;
  /** Per shard, a core snapshot its worker starts from (instruments included). */
  readonly snapshots?: readonly (Float64Array | undefined)[];
  /** Receives the snapshot a worker took when asked (SNAPSHOT_COMMAND_KIND). */
  readonly onSnapshot?: (shard: number, snapshot: Float64Array) => void;
  /** First order id and request id, above a journal's (default 1). */
  readonly firstOrderId?: number;
  readonly firstRequestId?: number;
}

/** Refused before entering a ring: the shard is too far behind. Maps to RESOURCE_EXHAUSTED. */
export class EngineBusyError extends Error {
  constructor(shard: number) {
    super(`shard ${shard} is overloaded; retry later`);
    this.name = 'EngineBusyError';
  }
}

/** The engine was stopped while the request waited. Maps to UNAVAILABLE. */
export class EngineStoppedError extends Error {
  constructor() {
    super('engine stopped');
    this.name = 'EngineStoppedError';
  }
}

/** A new order as the transport decoded it; NaN or 0 where the input was missing or malformed (the core rejects it). */
export interface NewOrder {
  readonly symbol: string;
  readonly accountId: string;
  readonly side: number;
  readonly orderType: number;
  readonly price: number;
  readonly quantity: number;
  readonly stpMode: number;
  /**
   * Idempotency key (absent or empty = none), already checked with `isValidClientOrderId`: a
   * repeat of the same account and key gets the first submission's answer (`ClientOrderIds`).
   */
  readonly clientOrderId?: string;
}

export interface DepthSnapshot {
  readonly shard: number;
  readonly sequence: number;
  /** price, quantity, orderCount per level, best first. */
  readonly bids: Float64Array;
  readonly asks: Float64Array;
}

export interface RiskLimitValues {
  readonly maxOrderQuantity: number;
  readonly maxOrderNotional: number;
  readonly priceBandBps: number;
  readonly maxOpenOrders: number;
  readonly maxPosition: number;
}

/** The shard's worker died; its symbols are unavailable until the engine restarts. Maps to UNAVAILABLE. */
export class ShardFailedError extends Error {
  constructor(shard: number, cause: Error) {
    super(`shard ${shard} is down: ${cause.message}`, { cause });
    this.name = 'ShardFailedError';
  }
}
