// Original file: proto/engine.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { AmendOrderRequest as _mib_engine_v1_AmendOrderRequest, AmendOrderRequest__Output as _mib_engine_v1_AmendOrderRequest__Output } from '../../../mib/engine/v1/AmendOrderRequest.js';
import type { CancelAllOrdersRequest as _mib_engine_v1_CancelAllOrdersRequest, CancelAllOrdersRequest__Output as _mib_engine_v1_CancelAllOrdersRequest__Output } from '../../../mib/engine/v1/CancelAllOrdersRequest.js';
import type { CancelAllOrdersResponse as _mib_engine_v1_CancelAllOrdersResponse, CancelAllOrdersResponse__Output as _mib_engine_v1_CancelAllOrdersResponse__Output } from '../../../mib/engine/v1/CancelAllOrdersResponse.js';
import type { CancelOrderRequest as _mib_engine_v1_CancelOrderRequest, CancelOrderRequest__Output as _mib_engine_v1_CancelOrderRequest__Output } from '../../../mib/engine/v1/CancelOrderRequest.js';
import type { Event as _mib_engine_v1_Event, Event__Output as _mib_engine_v1_Event__Output } from '../../../mib/engine/v1/Event.js';
import type { ExternalTrade as _mib_engine_v1_ExternalTrade, ExternalTrade__Output as _mib_engine_v1_ExternalTrade__Output } from '../../../mib/engine/v1/ExternalTrade.js';
import type { GetOrderBookRequest as _mib_engine_v1_GetOrderBookRequest, GetOrderBookRequest__Output as _mib_engine_v1_GetOrderBookRequest__Output } from '../../../mib/engine/v1/GetOrderBookRequest.js';
import type { GetQuoteRequest as _mib_engine_v1_GetQuoteRequest, GetQuoteRequest__Output as _mib_engine_v1_GetQuoteRequest__Output } from '../../../mib/engine/v1/GetQuoteRequest.js';
import type { IngestTradesSummary as _mib_engine_v1_IngestTradesSummary, IngestTradesSummary__Output as _mib_engine_v1_IngestTradesSummary__Output } from '../../../mib/engine/v1/IngestTradesSummary.js';
import type { ListInstrumentsRequest as _mib_engine_v1_ListInstrumentsRequest, ListInstrumentsRequest__Output as _mib_engine_v1_ListInstrumentsRequest__Output } from '../../../mib/engine/v1/ListInstrumentsRequest.js';
import type { ListInstrumentsResponse as _mib_engine_v1_ListInstrumentsResponse, ListInstrumentsResponse__Output as _mib_engine_v1_ListInstrumentsResponse__Output } from '../../../mib/engine/v1/ListInstrumentsResponse.js';
import type { OrderBatch as _mib_engine_v1_OrderBatch, OrderBatch__Output as _mib_engine_v1_OrderBatch__Output } from '../../../mib/engine/v1/OrderBatch.js';
import type { OrderBatchResult as _mib_engine_v1_OrderBatchResult, OrderBatchResult__Output as _mib_engine_v1_OrderBatchResult__Output } from '../../../mib/engine/v1/OrderBatchResult.js';
import type { OrderBook as _mib_engine_v1_OrderBook, OrderBook__Output as _mib_engine_v1_OrderBook__Output } from '../../../mib/engine/v1/OrderBook.js';
import type { OrderReport as _mib_engine_v1_OrderReport, OrderReport__Output as _mib_engine_v1_OrderReport__Output } from '../../../mib/engine/v1/OrderReport.js';
import type { Quote as _mib_engine_v1_Quote, Quote__Output as _mib_engine_v1_Quote__Output } from '../../../mib/engine/v1/Quote.js';
import type { RiskLimits as _mib_engine_v1_RiskLimits, RiskLimits__Output as _mib_engine_v1_RiskLimits__Output } from '../../../mib/engine/v1/RiskLimits.js';
import type { SetRiskLimitsRequest as _mib_engine_v1_SetRiskLimitsRequest, SetRiskLimitsRequest__Output as _mib_engine_v1_SetRiskLimitsRequest__Output } from '../../../mib/engine/v1/SetRiskLimitsRequest.js';
import type { StreamEventsRequest as _mib_engine_v1_StreamEventsRequest, StreamEventsRequest__Output as _mib_engine_v1_StreamEventsRequest__Output } from '../../../mib/engine/v1/StreamEventsRequest.js';
import type { SubmitOrderRequest as _mib_engine_v1_SubmitOrderRequest, SubmitOrderRequest__Output as _mib_engine_v1_SubmitOrderRequest__Output } from '../../../mib/engine/v1/SubmitOrderRequest.js';

export interface MatchingEngineClient extends grpc.Client {
  /**
   * Changes price and/or open quantity of a resting order of the same account.
   */
  AmendOrder(argument: _mib_engine_v1_AmendOrderRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mib_engine_v1_OrderReport__Output>): grpc.ClientUnaryCall;
  AmendOrder(argument: _mib_engine_v1_AmendOrderRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mib_engine_v1_OrderReport__Output>): grpc.ClientUnaryCall;
  AmendOrder(argument: _mib_engine_v1_AmendOrderRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mib_engine_v1_OrderReport__Output>): grpc.ClientUnaryCall;
  AmendOrder(argument: _mib_engine_v1_AmendOrderRequest, callback: grpc.requestCallback<_mib_engine_v1_OrderReport__Output>): grpc.ClientUnaryCall;
  /**
   * Changes price and/or open quantity of a resting order of the same account.
   */
  amendOrder(argument: _mib_engine_v1_AmendOrderRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mib_engine_v1_OrderReport__Output>): grpc.ClientUnaryCall;
  amendOrder(argument: _mib_engine_v1_AmendOrderRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mib_engine_v1_OrderReport__Output>): grpc.ClientUnaryCall;
  amendOrder(argument: _mib_engine_v1_AmendOrderRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mib_engine_v1_OrderReport__Output>): grpc.ClientUnaryCall;
  amendOrder(argument: _mib_engine_v1_AmendOrderRequest, callback: grpc.requestCallback<_mib_engine_v1_OrderReport__Output>): grpc.ClientUnaryCall;
  
  /**
   * Kill switch: cancels every resting order of the account, in one symbol or in all, atomically
   * per shard (an order placed before the call cannot be missed). An empty account_id is
   * INVALID_ARGUMENT; an unknown symbol NOT_FOUND, as CancelOrder answers it, with the reject
   * trailers. A refused call cancels nothing.
   */
  CancelAllOrders(argument: _mib_engine_v1_CancelAllOrdersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mib_engine_v1_CancelAllOrdersResponse__Output>): grpc.ClientUnaryCall;
  CancelAllOrders(argument: _mib_engine_v1_CancelAllOrdersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mib_engine_v1_CancelAllOrdersResponse__Output>): grpc.ClientUnaryCall;
  CancelAllOrders(argument: _mib_engine_v1_CancelAllOrdersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mib_engine_v1_CancelAllOrdersResponse__Output>): grpc.ClientUnaryCall;
  CancelAllOrders(argument: _mib_engine_v1_CancelAllOrdersRequest, callback: grpc.requestCallback<_mib_engine_v1_CancelAllOrdersResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Kill switch: cancels every resting order of the account, in one symbol or in all, atomically
   * per shard (an order placed before the call cannot be missed). An empty account_id is
   * INVALID_ARGUMENT; an unknown symbol NOT_FOUND, as CancelOrder answers it, with the reject
   * trailers. A refused call cancels nothing.
   */
  cancelAllOrders(argument: _mib_engine_v1_CancelAllOrdersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mib_engine_v1_CancelAllOrdersResponse__Output>): grpc.ClientUnaryCall;
  cancelAllOrders(argument: _mib_engine_v1_CancelAllOrdersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mib_engine_v1_CancelAllOrdersResponse__Output>): grpc.ClientUnaryCall;
  cancelAllOrders(argument: _mib_engine_v1_CancelAllOrdersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mib_engine_v1_CancelAllOrdersResponse__Output>): grpc.ClientUnaryCall;
  cancelAllOrders(argument: _mib_engine_v1_CancelAllOrdersRequest, callback: grpc.requestCallback<_mib_engine_v1_CancelAllOrdersResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Cancels a resting order of the same account.
   */
  CancelOrder(argument: _mib_engine_v1_CancelOrderRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mib_engine_v1_OrderReport__Output>): grpc.ClientUnaryCall;
  CancelOrder(argument: _mib_engine_v1_CancelOrderRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mib_engine_v1_OrderReport__Output>): grpc.ClientUnaryCall;
  CancelOrder(argument: _mib_engine_v1_CancelOrderRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mib_engine_v1_OrderReport__Output>): grpc.ClientUnaryCall;
  CancelOrder(argument: _mib_engine_v1_CancelOrderRequest, callback: grpc.requestCallback<_mib_engine_v1_OrderReport__Output>): grpc.ClientUnaryCall;
  /**
   * Cancels a resting order of the same account.
   */
  cancelOrder(argument: _mib_engine_v1_CancelOrderRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mib_engine_v1_OrderReport__Output>): grpc.ClientUnaryCall;
  cancelOrder(argument: _mib_engine_v1_CancelOrderRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mib_engine_v1_OrderReport__Output>): grpc.ClientUnaryCall;
  cancelOrder(argument: _mib_engine_v1_CancelOrderRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mib_engine_v1_OrderReport__Output>): grpc.ClientUnaryCall;
  cancelOrder(argument: _mib_engine_v1_CancelOrderRequest, callback: grpc.requestCallback<_mib_engine_v1_OrderReport__Output>): grpc.ClientUnaryCall;
  
  /**
   * Aggregated price levels, best first.
   */
  GetOrderBook(argument: _mib_engine_v1_GetOrderBookRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mib_engine_v1_OrderBook__Output>): grpc.ClientUnaryCall;
  GetOrderBook(argument: _mib_engine_v1_GetOrderBookRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mib_engine_v1_OrderBook__Output>): grpc.ClientUnaryCall;
  GetOrderBook(argument: _mib_engine_v1_GetOrderBookRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mib_engine_v1_OrderBook__Output>): grpc.ClientUnaryCall;
  GetOrderBook(argument: _mib_engine_v1_GetOrderBookRequest, callback: grpc.requestCallback<_mib_engine_v1_OrderBook__Output>): grpc.ClientUnaryCall;
  /**
   * Aggregated price levels, best first.
   */
  getOrderBook(argument: _mib_engine_v1_GetOrderBookRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mib_engine_v1_OrderBook__Output>): grpc.ClientUnaryCall;
  getOrderBook(argument: _mib_engine_v1_GetOrderBookRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mib_engine_v1_OrderBook__Output>): grpc.ClientUnaryCall;
  getOrderBook(argument: _mib_engine_v1_GetOrderBookRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mib_engine_v1_OrderBook__Output>): grpc.ClientUnaryCall;
  getOrderBook(argument: _mib_engine_v1_GetOrderBookRequest, callback: grpc.requestCallback<_mib_engine_v1_OrderBook__Output>): grpc.ClientUnaryCall;
  
  /**
   * Top of book, last trade and session statistics.
   */
  GetQuote(argument: _mib_engine_v1_GetQuoteRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mib_engine_v1_Quote__Output>): grpc.ClientUnaryCall;
  GetQuote(argument: _mib_engine_v1_GetQuoteRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mib_engine_v1_Quote__Output>): grpc.ClientUnaryCall;
  GetQuote(argument: _mib_engine_v1_GetQuoteRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mib_engine_v1_Quote__Output>): grpc.ClientUnaryCall;
  GetQuote(argument: _mib_engine_v1_GetQuoteRequest, callback: grpc.requestCallback<_mib_engine_v1_Quote__Output>): grpc.ClientUnaryCall;
  /**
   * Top of book, last trade and session statistics.
   */
  getQuote(argument: _mib_engine_v1_GetQuoteRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mib_engine_v1_Quote__Output>): grpc.ClientUnaryCall;
  getQuote(argument: _mib_engine_v1_GetQuoteRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mib_engine_v1_Quote__Output>): grpc.ClientUnaryCall;
  getQuote(argument: _mib_engine_v1_GetQuoteRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mib_engine_v1_Quote__Output>): grpc.ClientUnaryCall;
  getQuote(argument: _mib_engine_v1_GetQuoteRequest, callback: grpc.requestCallback<_mib_engine_v1_Quote__Output>): grpc.ClientUnaryCall;
  
  /**
   * External market prints: update last price, candles and VWAP; touch no book.
   */
  IngestTrades(metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mib_engine_v1_IngestTradesSummary__Output>): grpc.ClientWritableStream<_mib_engine_v1_ExternalTrade>;
  IngestTrades(metadata: grpc.Metadata, callback: grpc.requestCallback<_mib_engine_v1_IngestTradesSummary__Output>): grpc.ClientWritableStream<_mib_engine_v1_ExternalTrade>;
  IngestTrades(options: grpc.CallOptions, callback: grpc.requestCallback<_mib_engine_v1_IngestTradesSummary__Output>): grpc.ClientWritableStream<_mib_engine_v1_ExternalTrade>;
  IngestTrades(callback: grpc.requestCallback<_mib_engine_v1_IngestTradesSummary__Output>): grpc.ClientWritableStream<_mib_engine_v1_ExternalTrade>;
  /**
   * External market prints: update last price, candles and VWAP; touch no book.
   */
  ingestTrades(metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mib_engine_v1_IngestTradesSummary__Output>): grpc.ClientWritableStream<_mib_engine_v1_ExternalTrade>;
  ingestTrades(metadata: grpc.Metadata, callback: grpc.requestCallback<_mib_engine_v1_IngestTradesSummary__Output>): grpc.ClientWritableStream<_mib_engine_v1_ExternalTrade>;
  ingestTrades(options: grpc.CallOptions, callback: grpc.requestCallback<_mib_engine_v1_IngestTradesSummary__Output>): grpc.ClientWritableStream<_mib_engine_v1_ExternalTrade>;
  ingestTrades(callback: grpc.requestCallback<_mib_engine_v1_IngestTradesSummary__Output>): grpc.ClientWritableStream<_mib_engine_v1_ExternalTrade>;
  
  /**
   * The instruments the engine trades and the shard owning each.
   */
  ListInstruments(argument: _mib_engine_v1_ListInstrumentsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mib_engine_v1_ListInstrumentsResponse__Output>): grpc.ClientUnaryCall;
  ListInstruments(argument: _mib_engine_v1_ListInstrumentsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mib_engine_v1_ListInstrumentsResponse__Output>): grpc.ClientUnaryCall;
  ListInstruments(argument: _mib_engine_v1_ListInstrumentsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mib_engine_v1_ListInstrumentsResponse__Output>): grpc.ClientUnaryCall;
  ListInstruments(argument: _mib_engine_v1_ListInstrumentsRequest, callback: grpc.requestCallback<_mib_engine_v1_ListInstrumentsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * The instruments the engine trades and the shard owning each.
   */
  listInstruments(argument: _mib_engine_v1_ListInstrumentsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mib_engine_v1_ListInstrumentsResponse__Output>): grpc.ClientUnaryCall;
  listInstruments(argument: _mib_engine_v1_ListInstrumentsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mib_engine_v1_ListInstrumentsResponse__Output>): grpc.ClientUnaryCall;
  listInstruments(argument: _mib_engine_v1_ListInstrumentsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mib_engine_v1_ListInstrumentsResponse__Output>): grpc.ClientUnaryCall;
  listInstruments(argument: _mib_engine_v1_ListInstrumentsRequest, callback: grpc.requestCallback<_mib_engine_v1_ListInstrumentsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Replaces an account's pre-trade limits (or the defaults) on every shard.
   */
  SetRiskLimits(argument: _mib_engine_v1_SetRiskLimitsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mib_engine_v1_RiskLimits__Output>): grpc.ClientUnaryCall;
  SetRiskLimits(argument: _mib_engine_v1_SetRiskLimitsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mib_engine_v1_RiskLimits__Output>): grpc.ClientUnaryCall;
  SetRiskLimits(argument: _mib_engine_v1_SetRiskLimitsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mib_engine_v1_RiskLimits__Output>): grpc.ClientUnaryCall;
  SetRiskLimits(argument: _mib_engine_v1_SetRiskLimitsRequest, callback: grpc.requestCallback<_mib_engine_v1_RiskLimits__Output>): grpc.ClientUnaryCall;
  /**
   * Replaces an account's pre-trade limits (or the defaults) on every shard.
   */
  setRiskLimits(argument: _mib_engine_v1_SetRiskLimitsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mib_engine_v1_RiskLimits__Output>): grpc.ClientUnaryCall;
  setRiskLimits(argument: _mib_engine_v1_SetRiskLimitsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mib_engine_v1_RiskLimits__Output>): grpc.ClientUnaryCall;
  setRiskLimits(argument: _mib_engine_v1_SetRiskLimitsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mib_engine_v1_RiskLimits__Output>): grpc.ClientUnaryCall;
  setRiskLimits(argument: _mib_engine_v1_SetRiskLimitsRequest, callback: grpc.requestCallback<_mib_engine_v1_RiskLimits__Output>): grpc.ClientUnaryCall;
  
  /**
   * Sequenced engine events, optionally replayed from a sequence per shard, then live.
   */
  StreamEvents(argument: _mib_engine_v1_StreamEventsRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_mib_engine_v1_Event__Output>;
  StreamEvents(argument: _mib_engine_v1_StreamEventsRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_mib_engine_v1_Event__Output>;
  /**
   * Sequenced engine events, optionally replayed from a sequence per shard, then live.
   */
  streamEvents(argument: _mib_engine_v1_StreamEventsRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_mib_engine_v1_Event__Output>;
  streamEvents(argument: _mib_engine_v1_StreamEventsRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_mib_engine_v1_Event__Output>;
  
  /**
   * Places one order. Rejections are gRPC errors (see PROTOCOL.md) with trailers
   * mib-reject-code / mib-reject-reason / mib-order-id.
   */
  SubmitOrder(argument: _mib_engine_v1_SubmitOrderRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mib_engine_v1_OrderReport__Output>): grpc.ClientUnaryCall;
  SubmitOrder(argument: _mib_engine_v1_SubmitOrderRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mib_engine_v1_OrderReport__Output>): grpc.ClientUnaryCall;
  SubmitOrder(argument: _mib_engine_v1_SubmitOrderRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mib_engine_v1_OrderReport__Output>): grpc.ClientUnaryCall;
  SubmitOrder(argument: _mib_engine_v1_SubmitOrderRequest, callback: grpc.requestCallback<_mib_engine_v1_OrderReport__Output>): grpc.ClientUnaryCall;
  /**
   * Places one order. Rejections are gRPC errors (see PROTOCOL.md) with trailers
   * mib-reject-code / mib-reject-reason / mib-order-id.
   */
  submitOrder(argument: _mib_engine_v1_SubmitOrderRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mib_engine_v1_OrderReport__Output>): grpc.ClientUnaryCall;
  submitOrder(argument: _mib_engine_v1_SubmitOrderRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mib_engine_v1_OrderReport__Output>): grpc.ClientUnaryCall;
  submitOrder(argument: _mib_engine_v1_SubmitOrderRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mib_engine_v1_OrderReport__Output>): grpc.ClientUnaryCall;
  submitOrder(argument: _mib_engine_v1_SubmitOrderRequest, callback: grpc.requestCallback<_mib_engine_v1_OrderReport__Output>): grpc.ClientUnaryCall;
  
  /**
   * Bulk flow: each OrderBatch gets one OrderBatchResult, in order, once every order in it
   * has been processed.
   */
  SubmitOrders(metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientDuplexStream<_mib_engine_v1_OrderBatch, _mib_engine_v1_OrderBatchResult__Output>;
  SubmitOrders(options?: grpc.CallOptions): grpc.ClientDuplexStream<_mib_engine_v1_OrderBatch, _mib_engine_v1_OrderBatchResult__Output>;
  /**
   * Bulk flow: each OrderBatch gets one OrderBatchResult, in order, once every order in it
   * has been processed.
   */
  submitOrders(metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientDuplexStream<_mib_engine_v1_OrderBatch, _mib_engine_v1_OrderBatchResult__Output>;
  submitOrders(options?: grpc.CallOptions): grpc.ClientDuplexStream<_mib_engine_v1_OrderBatch, _mib_engine_v1_OrderBatchResult__Output>;
  
}

export interface MatchingEngineHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Changes price and/or open quantity of a resting order of the same account.
   */
  AmendOrder: grpc.handleUnaryCall<_mib_engine_v1_AmendOrderRequest__Output, _mib_engine_v1_OrderReport>;
  
  /**
   * Kill switch: cancels every resting order of the account, in one symbol or in all, atomically
   * per shard (an order placed before the call cannot be missed). An empty account_id is
   * INVALID_ARGUMENT; an unknown symbol NOT_FOUND, as CancelOrder answers it, with the reject
   * trailers. A refused call cancels nothing.
   */
  CancelAllOrders: grpc.handleUnaryCall<_mib_engine_v1_CancelAllOrdersRequest__Output, _mib_engine_v1_CancelAllOrdersResponse>;
  
  /**
   * Cancels a resting order of the same account.
   */
  CancelOrder: grpc.handleUnaryCall<_mib_engine_v1_CancelOrderRequest__Output, _mib_engine_v1_OrderReport>;
  
  /**
   * Aggregated price levels, best first.
   */
  GetOrderBook: grpc.handleUnaryCall<_mib_engine_v1_GetOrderBookRequest__Output, _mib_engine_v1_OrderBook>;
  
  /**
   * Top of book, last trade and session statistics.
   */
  GetQuote: grpc.handleUnaryCall<_mib_engine_v1_GetQuoteRequest__Output, _mib_engine_v1_Quote>;
  
  /**
   * External market prints: update last price, candles and VWAP; touch no book.
   */
  IngestTrades: grpc.handleClientStreamingCall<_mib_engine_v1_ExternalTrade__Output, _mib_engine_v1_IngestTradesSummary>;
  
  /**
   * The instruments the engine trades and the shard owning each.
   */
  ListInstruments: grpc.handleUnaryCall<_mib_engine_v1_ListInstrumentsRequest__Output, _mib_engine_v1_ListInstrumentsResponse>;
  
  /**
   * Replaces an account's pre-trade limits (or the defaults) on every shard.
   */
  SetRiskLimits: grpc.handleUnaryCall<_mib_engine_v1_SetRiskLimitsRequest__Output, _mib_engine_v1_RiskLimits>;
  
  /**
   * Sequenced engine events, optionally replayed from a sequence per shard, then live.
   */
  StreamEvents: grpc.handleServerStreamingCall<_mib_engine_v1_StreamEventsRequest__Output, _mib_engine_v1_Event>;
  
  /**
   * Places one order. Rejections are gRPC errors (see PROTOCOL.md) with trailers
   * mib-reject-code / mib-reject-reason / mib-order-id.
   */
  SubmitOrder: grpc.handleUnaryCall<_mib_engine_v1_SubmitOrderRequest__Output, _mib_engine_v1_OrderReport>;
  
  /**
   * Bulk flow: each OrderBatch gets one OrderBatchResult, in order, once every order in it
   * has been processed.
   */
  SubmitOrders: grpc.handleBidiStreamingCall<_mib_engine_v1_OrderBatch__Output, _mib_engine_v1_OrderBatchResult>;
  
}

export interface MatchingEngineDefinition extends grpc.ServiceDefinition {
  AmendOrder: MethodDefinition<_mib_engine_v1_AmendOrderRequest, _mib_engine_v1_OrderReport, _mib_engine_v1_AmendOrderRequest__Output, _mib_engine_v1_OrderReport__Output>
  CancelAllOrders: MethodDefinition<_mib_engine_v1_CancelAllOrdersRequest, _mib_engine_v1_CancelAllOrdersResponse, _mib_engine_v1_CancelAllOrdersRequest__Output, _mib_engine_v1_CancelAllOrdersResponse__Output>
  CancelOrder: MethodDefinition<_mib_engine_v1_CancelOrderRequest, _mib_engine_v1_OrderReport, _mib_engine_v1_CancelOrderRequest__Output, _mib_engine_v1_OrderReport__Output>
  GetOrderBook: MethodDefinition<_mib_engine_v1_GetOrderBookRequest, _mib_engine_v1_OrderBook, _mib_engine_v1_GetOrderBookRequest__Output, _mib_engine_v1_OrderBook__Output>
  GetQuote: MethodDefinition<_mib_engine_v1_GetQuoteRequest, _mib_engine_v1_Quote, _mib_engine_v1_GetQuoteRequest__Output, _mib_engine_v1_Quote__Output>
  IngestTrades: MethodDefinition<_mib_engine_v1_ExternalTrade, _mib_engine_v1_IngestTradesSummary, _mib_engine_v1_ExternalTrade__Output, _mib_engine_v1_IngestTradesSummary__Output>
  ListInstruments: MethodDefinition<_mib_engine_v1_ListInstrumentsRequest, _mib_engine_v1_ListInstrumentsResponse, _mib_engine_v1_ListInstrumentsRequest__Output, _mib_engine_v1_ListInstrumentsResponse__Output>
  SetRiskLimits: MethodDefinition<_mib_engine_v1_SetRiskLimitsRequest, _mib_engine_v1_RiskLimits, _mib_engine_v1_SetRiskLimitsRequest__Output, _mib_engine_v1_RiskLimits__Output>
  StreamEvents: MethodDefinition<_mib_engine_v1_StreamEventsRequest, _mib_engine_v1_Event, _mib_engine_v1_StreamEventsRequest__Output, _mib_engine_v1_Event__Output>
  SubmitOrder: MethodDefinition<_mib_engine_v1_SubmitOrderRequest, _mib_engine_v1_OrderReport, _mib_engine_v1_SubmitOrderRequest__Output, _mib_engine_v1_OrderReport__Output>
  SubmitOrders: MethodDefinition<_mib_engine_v1_OrderBatch, _mib_engine_v1_OrderBatchResult, _mib_engine_v1_OrderBatch__Output, _mib_engine_v1_OrderBatchResult__Output>
}
