// Original file: proto/engine.proto

import type { Side as _mib_engine_v1_Side, Side__Output as _mib_engine_v1_Side__Output } from '../../../mib/engine/v1/Side.js';
import type { Long } from '@grpc/proto-loader';

export interface ExternalTrade {
  'symbol'?: (string);
  'price'?: (string);
  'quantity'?: (string);
  /**
   * SIDE_UNSPECIFIED when unknown.
   */
  'aggressorSide'?: (_mib_engine_v1_Side);
  /**
   * 0: the engine's clock.
   */
  'timestampMs'?: (number | string | Long);
}

export interface ExternalTrade__Output {
  'symbol': (string);
  'price': (string);
  'quantity': (string);
  /**
   * SIDE_UNSPECIFIED when unknown.
   */
  'aggressorSide': (_mib_engine_v1_Side__Output);
  /**
   * 0: the engine's clock.
   */
  'timestampMs': (string);
}
