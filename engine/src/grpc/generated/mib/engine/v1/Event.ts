// Original file: proto/engine.proto

import type { EventKind as _mib_engine_v1_EventKind, EventKind__Output as _mib_engine_v1_EventKind__Output } from '../../../mib/engine/v1/EventKind.js';
import type { OrderEvent as _mib_engine_v1_OrderEvent, OrderEvent__Output as _mib_engine_v1_OrderEvent__Output } from '../../../mib/engine/v1/OrderEvent.js';
import type { Trade as _mib_engine_v1_Trade, Trade__Output as _mib_engine_v1_Trade__Output } from '../../../mib/engine/v1/Trade.js';
import type { Quote as _mib_engine_v1_Quote, Quote__Output as _mib_engine_v1_Quote__Output } from '../../../mib/engine/v1/Quote.js';
import type { Candle as _mib_engine_v1_Candle, Candle__Output as _mib_engine_v1_Candle__Output } from '../../../mib/engine/v1/Candle.js';
import type { RiskLimits as _mib_engine_v1_RiskLimits, RiskLimits__Output as _mib_engine_v1_RiskLimits__Output } from '../../../mib/engine/v1/RiskLimits.js';
import type { InstrumentAdded as _mib_engine_v1_InstrumentAdded, InstrumentAdded__Output as _mib_engine_v1_InstrumentAdded__Output } from '../../../mib/engine/v1/InstrumentAdded.js';
import type { Long } from '@grpc/proto-loader';

export interface Event {
  /**
   * Envelope version; 1 for this file.
   */
  'schemaVersion'?: (number);
  'kind'?: (_mib_engine_v1_EventKind);
  'shard'?: (number);
  /**
   * Per-shard sequence, 1, 2, 3, … without gaps.
   */
  'sequence'?: (number | string | Long);
  'symbol'?: (string);
  'timestampMs'?: (number | string | Long);
  'order'?: (_mib_engine_v1_OrderEvent | null);
  'trade'?: (_mib_engine_v1_Trade | null);
  'quote'?: (_mib_engine_v1_Quote | null);
  'candle'?: (_mib_engine_v1_Candle | null);
  'riskLimits'?: (_mib_engine_v1_RiskLimits | null);
  'instrument'?: (_mib_engine_v1_InstrumentAdded | null);
  'body'?: "order"|"trade"|"quote"|"candle"|"riskLimits"|"instrument";
}

export interface Event__Output {
  /**
   * Envelope version; 1 for this file.
   */
  'schemaVersion': (number);
  'kind': (_mib_engine_v1_EventKind__Output);
  'shard': (number);
  /**
   * Per-shard sequence, 1, 2, 3, … without gaps.
   */
  'sequence': (string);
  'symbol': (string);
  'timestampMs': (string);
  'order'?: (_mib_engine_v1_OrderEvent__Output | null);
  'trade'?: (_mib_engine_v1_Trade__Output | null);
  'quote'?: (_mib_engine_v1_Quote__Output | null);
  'candle'?: (_mib_engine_v1_Candle__Output | null);
  'riskLimits'?: (_mib_engine_v1_RiskLimits__Output | null);
  'instrument'?: (_mib_engine_v1_InstrumentAdded__Output | null);
  'body'?: "order"|"trade"|"quote"|"candle"|"riskLimits"|"instrument";
}
