// Original file: proto/engine.proto

import type { Long } from '@grpc/proto-loader';

export interface Candle {
  'intervalMs'?: (number);
  'openTimeMs'?: (number | string | Long);
  'open'?: (string);
  'high'?: (string);
  'low'?: (string);
  'close'?: (string);
  'volume'?: (string);
  'tradeCount'?: (number);
  'vwap'?: (string);
}

export interface Candle__Output {
  'intervalMs': (number);
  'openTimeMs': (string);
  'open': (string);
  'high': (string);
  'low': (string);
  'close': (string);
  'volume': (string);
  'tradeCount': (number);
  'vwap': (string);
}
