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
  /**
   * Idempotency key, optional (empty = none): 1–64 characters of [A-Za-z0-9._:-], else
   * INVALID_ARGUMENT. A second SubmitOrder with the same account_id and client_order_id gets the
   * first one's answer and places nothing. Remembered for one engine run only (not across
   * restarts), for the newest 100 000 keys. Not remembered: a malformed order (validation reject)
   * and a failure before the engine took the order (overload, stopped engine). See PROTOCOL.md.
   */
  'clientOrderId'?: (string);
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
  /**
   * Idempotency key, optional (empty = none): 1–64 characters of [A-Za-z0-9._:-], else
   * INVALID_ARGUMENT. A second SubmitOrder with the same account_id and client_order_id gets the
   * first one's answer and places nothing. Remembered for one engine run only (not across
   * restarts), for the newest 100 000 keys. Not remembered: a malformed order (validation reject)
   * and a failure before the engine took the order (overload, stopped engine). See PROTOCOL.md.
   */
  'clientOrderId': (string);
}
