// Original file: proto/engine.proto

import type { Side as _mib_engine_v1_Side, Side__Output as _mib_engine_v1_Side__Output } from '../../../mib/engine/v1/Side.js';
import type { OrderType as _mib_engine_v1_OrderType, OrderType__Output as _mib_engine_v1_OrderType__Output } from '../../../mib/engine/v1/OrderType.js';
import type { SelfTradePrevention as _mib_engine_v1_SelfTradePrevention, SelfTradePrevention__Output as _mib_engine_v1_SelfTradePrevention__Output } from '../../../mib/engine/v1/SelfTradePrevention.js';

export interface SubmitOrderRequest {
  'symbol'?: (string);
  'accountId'?: (string);
  'side'?: (_mib_engine_v1_Side);
  'type'?: (_mib_engine_v1_OrderType);
  /**
   * Limit price; empty for MARKET.
   */
  'price'?: (string);
  'quantity'?: (string);
  'stp'?: (_mib_engine_v1_SelfTradePrevention);
}

export interface SubmitOrderRequest__Output {
  'symbol': (string);
  'accountId': (string);
  'side': (_mib_engine_v1_Side__Output);
  'type': (_mib_engine_v1_OrderType__Output);
  /**
   * Limit price; empty for MARKET.
   */
  'price': (string);
  'quantity': (string);
  'stp': (_mib_engine_v1_SelfTradePrevention__Output);
}
