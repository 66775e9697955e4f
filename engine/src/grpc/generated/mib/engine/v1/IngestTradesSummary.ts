// Original file: proto/engine.proto

import type { Long } from '@grpc/proto-loader';

export interface IngestTradesSummary {
  'accepted'?: (number | string | Long);
}

export interface IngestTradesSummary__Output {
  'accepted': (string);
}
