// Original file: proto/engine.proto

import type { OrderReport as _mib_engine_v1_OrderReport, OrderReport__Output as _mib_engine_v1_OrderReport__Output } from '../../../mib/engine/v1/OrderReport.js';

export interface CancelAllOrdersResponse {
  /**
   * One report per cancelled order (status CANCELLED), by shard, then per shard by symbol, bids
   * before asks, best price and oldest first. Each order's sequence is its ORDER_CANCELLED event's.
   */
  'cancelled'?: (_mib_engine_v1_OrderReport)[];
}

export interface CancelAllOrdersResponse__Output {
  /**
   * One report per cancelled order (status CANCELLED), by shard, then per shard by symbol, bids
   * before asks, best price and oldest first. Each order's sequence is its ORDER_CANCELLED event's.
   */
  'cancelled': (_mib_engine_v1_OrderReport__Output)[];
}
