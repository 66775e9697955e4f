// Original file: proto/engine.proto

import type { Side as _mib_engine_v1_Side, Side__Output as _mib_engine_v1_Side__Output } from '../../../mib/engine/v1/Side.js';
import type { OrderType as _mib_engine_v1_OrderType, OrderType__Output as _mib_engine_v1_OrderType__Output } from '../../../mib/engine/v1/OrderType.js';
import type { Long } from '@grpc/proto-loader';

export interface OrderEvent {
  'orderId'?: (number | string | Long);
  'accountId'?: (string);
  'side'?: (_mib_engine_v1_Side);
  'type'?: (_mib_engine_v1_OrderType);
  'price'?: (string);
  'quantity'?: (string);
  'filledQuantity'?: (string);
  'leavesQuantity'?: (string);
  /**
   * ORDER_REJECTED: reject reason name (e.g. PRICE_OFF_TICK); ORDER_CANCELLED: cancel reason
   * name (USER_REQUESTED, UNFILLED_REMAINDER, SELF_TRADE_PREVENTION).
   */
  'reason'?: (string);
  'reasonCode'?: (number);
  'lastFillPrice'?: (string);
  'lastFillQuantity'?: (string);
}

export interface OrderEvent__Output {
  'orderId': (string);
  'accountId': (string);
  'side': (_mib_engine_v1_Side__Output);
  'type': (_mib_engine_v1_OrderType__Output);
  'price': (string);
  'quantity': (string);
  'filledQuantity': (string);
  'leavesQuantity': (string);
  /**
   * ORDER_REJECTED: reject reason name (e.g. PRICE_OFF_TICK); ORDER_CANCELLED: cancel reason
   * name (USER_REQUESTED, UNFILLED_REMAINDER, SELF_TRADE_PREVENTION).
   */
  'reason': (string);
  'reasonCode': (number);
  'lastFillPrice': (string);
  'lastFillQuantity': (string);
}
