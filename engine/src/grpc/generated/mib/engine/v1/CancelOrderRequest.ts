// Original file: proto/engine.proto

import type { Long } from '@grpc/proto-loader';

export interface CancelOrderRequest {
  'symbol'?: (string);
  'accountId'?: (string);
  'orderId'?: (number | string | Long);
}

export interface CancelOrderRequest__Output {
  'symbol': (string);
  'accountId': (string);
  'orderId': (string);
}
