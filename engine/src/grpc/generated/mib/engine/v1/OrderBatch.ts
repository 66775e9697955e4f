// Original file: proto/engine.proto

import type { Long } from '@grpc/proto-loader';

/**
 * One batch of new orders. `orders` is n records of 32 bytes, little-endian:
 * offset 0  uint16  index into `symbols`
 * offset 2  uint16  index into `account_ids`
 * offset 4  uint8   side (Side)
 * offset 5  uint8   order type (OrderType)
 * offset 6  uint8   self-trade prevention (SelfTradePrevention)
 * offset 7  uint8   reserved, 0
 * offset 8  float64 price in 1e-8 units (an integer; 0 for MARKET)
 * offset 16 float64 quantity in 1e-8 units (an integer)
 * offset 24 float64 client tag: any number, unused by the engine (correlation for the client)
 */
export interface OrderBatch {
  'batchId'?: (number | string | Long);
  'symbols'?: (string)[];
  'accountIds'?: (string)[];
  'orders'?: (Buffer | Uint8Array | string);
}

/**
 * One batch of new orders. `orders` is n records of 32 bytes, little-endian:
 * offset 0  uint16  index into `symbols`
 * offset 2  uint16  index into `account_ids`
 * offset 4  uint8   side (Side)
 * offset 5  uint8   order type (OrderType)
 * offset 6  uint8   self-trade prevention (SelfTradePrevention)
 * offset 7  uint8   reserved, 0
 * offset 8  float64 price in 1e-8 units (an integer; 0 for MARKET)
 * offset 16 float64 quantity in 1e-8 units (an integer)
 * offset 24 float64 client tag: any number, unused by the engine (correlation for the client)
 */
export interface OrderBatch__Output {
  'batchId': (string);
  'symbols': (string)[];
  'accountIds': (string)[];
  'orders': (Buffer);
}
