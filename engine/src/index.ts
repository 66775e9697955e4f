/**
 * @mib/engine: the matching engine (order books, market data, pre-trade risk) on worker threads
 * behind gRPC, and the typed client the subgraphs use.
 */
export { startEngine, type EngineOptions, type RunningEngine } from './server.js';
export { EngineClient, type EngineClientOptions, type OrderResult, type OrderStream } from './client/engineClient.js';
export { EngineRequestError, type EngineRejection } from './client/engineErrors.js';
export { OrderBatchBuilder, type BatchOrder } from './client/orderBatchBuilder.js';
export { startLiveMarketFeed, type FeedInstrument, type FeedStats, type LiveMarketFeed, type LiveMarketFeedOptions } from './simulator/liveMarketFeed.js';
export { DEFAULT_INSTRUMENTS, type InstrumentSpec } from './instruments.js';
export { loadEngineConfig, type EngineConfig, EngineConfigError } from './config.js';
export { ENGINE_SERVICE_NAME } from './grpc/grpcAdapter.js';
export { REJECT_METADATA, rejectMapping } from './grpc/rejectStatus.js';
export { shardOf } from './shard/routing.js';
export { isValidClientOrderId, MAX_CLIENT_ORDER_IDS } from './shard/clientOrderIds.js';
export type { WaitStrategyName } from './ring/index.js';
export type { Event__Output as EngineEvent } from './grpc/generated/mib/engine/v1/Event.js';
export type { OrderReport__Output as OrderReport } from './grpc/generated/mib/engine/v1/OrderReport.js';
export type { OrderBook__Output as OrderBook } from './grpc/generated/mib/engine/v1/OrderBook.js';
export type { Quote__Output as Quote } from './grpc/generated/mib/engine/v1/Quote.js';
export type { RiskLimits } from './grpc/generated/mib/engine/v1/RiskLimits.js';
export type { SubmitOrderRequest } from './grpc/generated/mib/engine/v1/SubmitOrderRequest.js';
export type { CancelAllOrdersRequest } from './grpc/generated/mib/engine/v1/CancelAllOrdersRequest.js';
export type { StreamEventsRequest } from './grpc/generated/mib/engine/v1/StreamEventsRequest.js';
export type { OrderBatchResult__Output as OrderBatchResult } from './grpc/generated/mib/engine/v1/OrderBatchResult.js';
export type { ExternalTrade } from './grpc/generated/mib/engine/v1/ExternalTrade.js';
