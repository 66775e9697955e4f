// Original file: proto/engine.proto

import type { Side as _mib_engine_v1_Side, Side__Output as _mib_engine_v1_Side__Output } from '../../../mib/engine/v1/Side.js';
import type { Long } from '@grpc/proto-loader';

export interface Trade {
  'tradeId'?: (number | string | Long);
  'price'?: (string);
  'quantity'?: (string);
  'aggressorSide'?: (_mib_engine_v1_Side);
  /**
   * Empty / 0 for an external print.
   */
  'takerAccountId'?: (string);
  'takerOrderId'?: (number | string | Long);
  'makerAccountId'?: (string);
  'makerOrderId'?: (number | string | Long);
}

export interface Trade__Output {
  'tradeId': (string);
  'price': (string);
  'quantity': (string);
  'aggressorSide': (_mib_engine_v1_Side__Output);
  /**
   * Empty / 0 for an external print.
   */
  'takerAccountId': (string);
  'takerOrderId': (string);
  'makerAccountId': (string);
  'makerOrderId': (string);
}
