// Original file: proto/engine.proto

import type { EventKind as _mib_engine_v1_EventKind, EventKind__Output as _mib_engine_v1_EventKind__Output } from '../../../mib/engine/v1/EventKind.js';
import type { Long } from '@grpc/proto-loader';

export interface StreamEventsRequest {
  /**
   * Shard → first sequence wanted (inclusive). Shards not named start with the next live event.
   * A sequence older than the retained history fails with OUT_OF_RANGE.
   */
  'fromSequences'?: ({[key: number]: number | string | Long});
  /**
   * Only these symbols (empty = all).
   */
  'symbols'?: (string)[];
  /**
   * Only events of these accounts: their order events and trades where they are maker or taker
   * (empty = all accounts, and also events without an account).
   */
  'accountIds'?: (string)[];
  /**
   * Only these kinds (empty = all).
   */
  'kinds'?: (_mib_engine_v1_EventKind)[];
}

export interface StreamEventsRequest__Output {
  /**
   * Shard → first sequence wanted (inclusive). Shards not named start with the next live event.
   * A sequence older than the retained history fails with OUT_OF_RANGE.
   */
  'fromSequences': ({[key: number]: string});
  /**
   * Only these symbols (empty = all).
   */
  'symbols': (string)[];
  /**
   * Only events of these accounts: their order events and trades where they are maker or taker
   * (empty = all accounts, and also events without an account).
   */
  'accountIds': (string)[];
  /**
   * Only these kinds (empty = all).
   */
  'kinds': (_mib_engine_v1_EventKind__Output)[];
}
