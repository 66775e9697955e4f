import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { AmendOrderRequest as _mib_engine_v1_AmendOrderRequest, AmendOrderRequest__Output as _mib_engine_v1_AmendOrderRequest__Output } from './mib/engine/v1/AmendOrderRequest.js';
import type { CancelAllOrdersRequest as _mib_engine_v1_CancelAllOrdersRequest, CancelAllOrdersRequest__Output as _mib_engine_v1_CancelAllOrdersRequest__Output } from './mib/engine/v1/CancelAllOrdersRequest.js';
import type { CancelAllOrdersResponse as _mib_engine_v1_CancelAllOrdersResponse, CancelAllOrdersResponse__Output as _mib_engine_v1_CancelAllOrdersResponse__Output } from './mib/engine/v1/CancelAllOrdersResponse.js';
import type { CancelOrderRequest as _mib_engine_v1_CancelOrderRequest, CancelOrderRequest__Output as _mib_engine_v1_CancelOrderRequest__Output } from './mib/engine/v1/CancelOrderRequest.js';
import type { Candle as _mib_engine_v1_Candle, Candle__Output as _mib_engine_v1_Candle__Output } from './mib/engine/v1/Candle.js';
import type { Event as _mib_engine_v1_Event, Event__Output as _mib_engine_v1_Event__Output } from './mib/engine/v1/Event.js';
import type { ExternalTrade as _mib_engine_v1_ExternalTrade, ExternalTrade__Output as _mib_engine_v1_ExternalTrade__Output } from './mib/engine/v1/ExternalTrade.js';
import type { Fill as _mib_engine_v1_Fill, Fill__Output as _mib_engine_v1_Fill__Output } from './mib/engine/v1/Fill.js';
import type { GetOrderBookRequest as _mib_engine_v1_GetOrderBookRequest, GetOrderBookRequest__Output as _mib_engine_v1_GetOrderBookRequest__Output } from './mib/engine/v1/GetOrderBookRequest.js';
import type { GetQuoteRequest as _mib_engine_v1_GetQuoteRequest, GetQuoteRequest__Output as _mib_engine_v1_GetQuoteRequest__Output } from './mib/engine/v1/GetQuoteRequest.js';
import type { IngestTradesSummary as _mib_engine_v1_IngestTradesSummary, IngestTradesSummary__Output as _mib_engine_v1_IngestTradesSummary__Output } from './mib/engine/v1/IngestTradesSummary.js';
import type { Instrument as _mib_engine_v1_Instrument, Instrument__Output as _mib_engine_v1_Instrument__Output } from './mib/engine/v1/Instrument.js';
import type { InstrumentAdded as _mib_engine_v1_InstrumentAdded, InstrumentAdded__Output as _mib_engine_v1_InstrumentAdded__Output } from './mib/engine/v1/InstrumentAdded.js';
import type { ListInstrumentsRequest as _mib_engine_v1_ListInstrumentsRequest, ListInstrumentsRequest__Output as _mib_engine_v1_ListInstrumentsRequest__Output } from './mib/engine/v1/ListInstrumentsRequest.js';
import type { ListInstrumentsResponse as _mib_engine_v1_ListInstrumentsResponse, ListInstrumentsResponse__Output as _mib_engine_v1_ListInstrumentsResponse__Output } from './mib/engine/v1/ListInstrumentsResponse.js';
import type { MatchingEngineClient as _mib_engine_v1_MatchingEngineClient, MatchingEngineDefinition as _mib_engine_v1_MatchingEngineDefinition } from './mib/engine/v1/MatchingEngine.js';
import type { OrderBatch as _mib_engine_v1_OrderBatch, OrderBatch__Output as _mib_engine_v1_OrderBatch__Output } from './mib/engine/v1/OrderBatch.js';
import type { OrderBatchResult as _mib_engine_v1_OrderBatchResult, OrderBatchResult__Output as _mib_engine_v1_OrderBatchResult__Output } from './mib/engine/v1/OrderBatchResult.js';
import type { OrderBook as _mib_engine_v1_OrderBook, OrderBook__Output as _mib_engine_v1_OrderBook__Output } from './mib/engine/v1/OrderBook.js';
import type { OrderEvent as _mib_engine_v1_OrderEvent, OrderEvent__Output as _mib_engine_v1_OrderEvent__Output } from './mib/engine/v1/OrderEvent.js';
import type { OrderReport as _mib_engine_v1_OrderReport, OrderReport__Output as _mib_engine_v1_OrderReport__Output } from './mib/engine/v1/OrderReport.js';
import type { PriceLevel as _mib_engine_v1_PriceLevel, PriceLevel__Output as _mib_engine_v1_PriceLevel__Output } from './mib/engine/v1/PriceLevel.js';
import type { Quote as _mib_engine_v1_Quote, Quote__Output as _mib_engine_v1_Quote__Output } from './mib/engine/v1/Quote.js';
import type { RiskLimits as _mib_engine_v1_RiskLimits, RiskLimits__Output as _mib_engine_v1_RiskLimits__Output } from './mib/engine/v1/RiskLimits.js';
import type { SetRiskLimitsRequest as _mib_engine_v1_SetRiskLimitsRequest, SetRiskLimitsRequest__Output as _mib_engine_v1_SetRiskLimitsRequest__Output } from './mib/engine/v1/SetRiskLimitsRequest.js';
import type { StreamEventsRequest as _mib_engine_v1_StreamEventsRequest, StreamEventsRequest__Output as _mib_engine_v1_StreamEventsRequest__Output } from './mib/engine/v1/StreamEventsRequest.js';
import type { SubmitOrderRequest as _mib_engine_v1_SubmitOrderRequest, SubmitOrderRequest__Output as _mib_engine_v1_SubmitOrderRequest__Output } from './mib/engine/v1/SubmitOrderRequest.js';
import type { Trade as _mib_engine_v1_Trade, Trade__Output as _mib_engine_v1_Trade__Output } from './mib/engine/v1/Trade.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  mib: {
    engine: {
      v1: {
        AmendOrderRequest: MessageTypeDefinition<_mib_engine_v1_AmendOrderRequest, _mib_engine_v1_AmendOrderRequest__Output>
        CancelAllOrdersRequest: MessageTypeDefinition<_mib_engine_v1_CancelAllOrdersRequest, _mib_engine_v1_CancelAllOrdersRequest__Output>
        CancelAllOrdersResponse: MessageTypeDefinition<_mib_engine_v1_CancelAllOrdersResponse, _mib_engine_v1_CancelAllOrdersResponse__Output>
        CancelOrderRequest: MessageTypeDefinition<_mib_engine_v1_CancelOrderRequest, _mib_engine_v1_CancelOrderRequest__Output>
        Candle: MessageTypeDefinition<_mib_engine_v1_Candle, _mib_engine_v1_Candle__Output>
        Event: MessageTypeDefinition<_mib_engine_v1_Event, _mib_engine_v1_Event__Output>
        EventKind: EnumTypeDefinition
        ExternalTrade: MessageTypeDefinition<_mib_engine_v1_ExternalTrade, _mib_engine_v1_ExternalTrade__Output>
        Fill: MessageTypeDefinition<_mib_engine_v1_Fill, _mib_engine_v1_Fill__Output>
        GetOrderBookRequest: MessageTypeDefinition<_mib_engine_v1_GetOrderBookRequest, _mib_engine_v1_GetOrderBookRequest__Output>
        GetQuoteRequest: MessageTypeDefinition<_mib_engine_v1_GetQuoteRequest, _mib_engine_v1_GetQuoteRequest__Output>
        IngestTradesSummary: MessageTypeDefinition<_mib_engine_v1_IngestTradesSummary, _mib_engine_v1_IngestTradesSummary__Output>
        Instrument: MessageTypeDefinition<_mib_engine_v1_Instrument, _mib_engine_v1_Instrument__Output>
        InstrumentAdded: MessageTypeDefinition<_mib_engine_v1_InstrumentAdded, _mib_engine_v1_InstrumentAdded__Output>
        ListInstrumentsRequest: MessageTypeDefinition<_mib_engine_v1_ListInstrumentsRequest, _mib_engine_v1_ListInstrumentsRequest__Output>
        ListInstrumentsResponse: MessageTypeDefinition<_mib_engine_v1_ListInstrumentsResponse, _mib_engine_v1_ListInstrumentsResponse__Output>
        MatchingEngine: SubtypeConstructor<typeof grpc.Client, _mib_engine_v1_MatchingEngineClient> & { service: _mib_engine_v1_MatchingEngineDefinition }
        OrderBatch: MessageTypeDefinition<_mib_engine_v1_OrderBatch, _mib_engine_v1_OrderBatch__Output>
        OrderBatchResult: MessageTypeDefinition<_mib_engine_v1_OrderBatchResult, _mib_engine_v1_OrderBatchResult__Output>
        OrderBook: MessageTypeDefinition<_mib_engine_v1_OrderBook, _mib_engine_v1_OrderBook__Output>
        OrderEvent: MessageTypeDefinition<_mib_engine_v1_OrderEvent, _mib_engine_v1_OrderEvent__Output>
        OrderReport: MessageTypeDefinition<_mib_engine_v1_OrderReport, _mib_engine_v1_OrderReport__Output>
        OrderStatus: EnumTypeDefinition
        OrderType: EnumTypeDefinition
        PriceLevel: MessageTypeDefinition<_mib_engine_v1_PriceLevel, _mib_engine_v1_PriceLevel__Output>
        Quote: MessageTypeDefinition<_mib_engine_v1_Quote, _mib_engine_v1_Quote__Output>
        RiskLimits: MessageTypeDefinition<_mib_engine_v1_RiskLimits, _mib_engine_v1_RiskLimits__Output>
        SelfTradePrevention: EnumTypeDefinition
        SetRiskLimitsRequest: MessageTypeDefinition<_mib_engine_v1_SetRiskLimitsRequest, _mib_engine_v1_SetRiskLimitsRequest__Output>
        Side: EnumTypeDefinition
        StreamEventsRequest: MessageTypeDefinition<_mib_engine_v1_StreamEventsRequest, _mib_engine_v1_StreamEventsRequest__Output>
        SubmitOrderRequest: MessageTypeDefinition<_mib_engine_v1_SubmitOrderRequest, _mib_engine_v1_SubmitOrderRequest__Output>
        Trade: MessageTypeDefinition<_mib_engine_v1_Trade, _mib_engine_v1_Trade__Output>
      }
    }
  }
}

