// Original file: proto/engine.proto

import type { PriceLevel as _mib_engine_v1_PriceLevel, PriceLevel__Output as _mib_engine_v1_PriceLevel__Output } from '../../../mib/engine/v1/PriceLevel.js';
import type { Long } from '@grpc/proto-loader';

export interface OrderBook {
  'symbol'?: (string);
  'bids'?: (_mib_engine_v1_PriceLevel)[];
  'asks'?: (_mib_engine_v1_PriceLevel)[];
  'shard'?: (number);
  /**
   * The book reflects every event of its shard up to this sequence.
   */
  'sequence'?: (number | string | Long);
}

export interface OrderBook__Output {
  'symbol': (string);
  'bids': (_mib_engine_v1_PriceLevel__Output)[];
  'asks': (_mib_engine_v1_PriceLevel__Output)[];
  'shard': (number);
  /**
   * The book reflects every event of its shard up to this sequence.
   */
  'sequence': (string);
}
