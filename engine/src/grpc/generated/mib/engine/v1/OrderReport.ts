// Original file: proto/engine.proto

import type { Side as _mib_engine_v1_Side, Side__Output as _mib_engine_v1_Side__Output } from '../../../mib/engine/v1/Side.js';
import type { OrderType as _mib_engine_v1_OrderType, OrderType__Output as _mib_engine_v1_OrderType__Output } from '../../../mib/engine/v1/OrderType.js';
import type { OrderStatus as _mib_engine_v1_OrderStatus, OrderStatus__Output as _mib_engine_v1_OrderStatus__Output } from '../../../mib/engine/v1/OrderStatus.js';
import type { Fill as _mib_engine_v1_Fill, Fill__Output as _mib_engine_v1_Fill__Output } from '../../../mib/engine/v1/Fill.js';
import type { Long } from '@grpc/proto-loader';

/**
 * The state of one order after the command, as its last order event says.
 */
export interface OrderReport {
  'orderId'?: (number | string | Long);
  'symbol'?: (string);
  'accountId'?: (string);
  'side'?: (_mib_engine_v1_Side);
  'type'?: (_mib_engine_v1_OrderType);
  'status'?: (_mib_engine_v1_OrderStatus);
  'price'?: (string);
  'quantity'?: (string);
  'filledQuantity'?: (string);
  'leavesQuantity'?: (string);
  /**
   * Fills this command caused (as taker).
   */
  'fills'?: (_mib_engine_v1_Fill)[];
  'shard'?: (number);
  /**
   * Shard sequence of the last event the command caused.
   */
  'sequence'?: (number | string | Long);
}

/**
 * The state of one order after the command, as its last order event says.
 */
export interface OrderReport__Output {
  'orderId': (string);
  'symbol': (string);
  'accountId': (string);
  'side': (_mib_engine_v1_Side__Output);
  'type': (_mib_engine_v1_OrderType__Output);
  'status': (_mib_engine_v1_OrderStatus__Output);
  'price': (string);
  'quantity': (string);
  'filledQuantity': (string);
  'leavesQuantity': (string);
  /**
   * Fills this command caused (as taker).
   */
  'fills': (_mib_engine_v1_Fill__Output)[];
  'shard': (number);
  /**
   * Shard sequence of the last event the command caused.
   */
  'sequence': (string);
}
