/** Values and errors of the transport-free engine shell (`ShardedEngine`). */

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
