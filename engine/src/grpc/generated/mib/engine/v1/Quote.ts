// Original file: proto/engine.proto

import type { Long } from '@grpc/proto-loader';

/**
 * Empty strings mean "none": an empty side, no trade yet.
 */
export interface Quote {
  'symbol'?: (string);
  'bidPrice'?: (string);
  'bidSize'?: (string);
  'askPrice'?: (string);
  'askSize'?: (string);
  'lastPrice'?: (string);
  'lastQuantity'?: (string);
  'vwap'?: (string);
  'sessionVolume'?: (string);
  'shard'?: (number);
  'sequence'?: (number | string | Long);
  'timestampMs'?: (number | string | Long);
}

/**
 * Empty strings mean "none": an empty side, no trade yet.
 */
export interface Quote__Output {
  'symbol': (string);
  'bidPrice': (string);
  'bidSize': (string);
  'askPrice': (string);
  'askSize': (string);
  'lastPrice': (string);
  'lastQuantity': (string);
  'vwap': (string);
  'sessionVolume': (string);
  'shard': (number);
  'sequence': (string);
  'timestampMs': (string);
}
