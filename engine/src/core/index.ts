/** Public API of the engine's pure core: the shard, its slot layouts and its event buffer. */
export * from './layout.js';
export { EventBuffer } from './eventBuffer.js';
export { Shard, QUOTE_VALUES, type InstrumentSpec, type RestingOrder } from './shard.js';
export { LONG_RUNNING_ORDER_ID_WINDOW_BITS, MAX_SYMBOL_ID, type ShardOptions } from './shardState.js';
export { DEFAULT_RISK_LIMITS, type RiskLimits } from './risk.js';
export { encodeAddInstrument, encodeAdvanceTime, encodeAmend, encodeCancel, encodeCancelAll, encodeIngestTrade, encodeSetRiskLimits, encodeSubmit } from './commandEncoding.js';
export { decodeEvent, decodeEvents, type EngineEvent, type OrderEvent, type TradeEvent, type QuoteEvent, type CandleClosedEvent, type RiskLimitsSetEvent, type InstrumentAddedEvent } from './eventDecoding.js';
export { SNAPSHOT_VERSION, snapshotSequence } from './snapshot.js';
