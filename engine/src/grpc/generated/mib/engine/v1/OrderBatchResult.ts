// Original file: proto/engine.proto

import type { Long } from '@grpc/proto-loader';

export interface OrderBatchResult {
  'batchId'?: (number | string | Long);
  /**
   * Order i of the batch has id first_order_id + i (rejected ones included).
   */
  'firstOrderId'?: (number | string | Long);
  'accepted'?: (number);
  'rejected'?: (number);
  /**
   * Parallel arrays: record index and reject code (PROTOCOL.md "Reject reasons") per rejection.
   */
  'rejectIndexes'?: (number)[];
  'rejectCodes'?: (number)[];
}

export interface OrderBatchResult__Output {
  'batchId': (string);
  /**
   * Order i of the batch has id first_order_id + i (rejected ones included).
   */
  'firstOrderId': (string);
  'accepted': (number);
  'rejected': (number);
  /**
   * Parallel arrays: record index and reject code (PROTOCOL.md "Reject reasons") per rejection.
   */
  'rejectIndexes': (number)[];
  'rejectCodes': (number)[];
}
