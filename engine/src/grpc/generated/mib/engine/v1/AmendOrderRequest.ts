// Original file: proto/engine.proto

import type { Long } from '@grpc/proto-loader';

export interface AmendOrderRequest {
  'symbol'?: (string);
  'accountId'?: (string);
  'orderId'?: (number | string | Long);
  /**
   * New limit price; empty = unchanged. A price change loses time priority.
   */
  'newPrice'?: (string);
  /**
   * New open quantity; empty = unchanged. A decrease keeps time priority.
   */
  'newQuantity'?: (string);
}

export interface AmendOrderRequest__Output {
  'symbol': (string);
  'accountId': (string);
  'orderId': (string);
  /**
   * New limit price; empty = unchanged. A price change loses time priority.
   */
  'newPrice': (string);
  /**
   * New open quantity; empty = unchanged. A decrease keeps time priority.
   */
  'newQuantity': (string);
}
