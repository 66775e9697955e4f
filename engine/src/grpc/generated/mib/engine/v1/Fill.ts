// Original file: proto/engine.proto

import type { Long } from '@grpc/proto-loader';

export interface Fill {
  'tradeId'?: (number | string | Long);
  'price'?: (string);
  'quantity'?: (string);
  'makerOrderId'?: (number | string | Long);
}

export interface Fill__Output {
  'tradeId': (string);
  'price': (string);
  'quantity': (string);
  'makerOrderId': (string);
}
