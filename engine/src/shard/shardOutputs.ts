import { EVENT_SLOT_SIZE, EventField, EventType } from '../core/index.js';
import { EventCounters } from '../metrics/eventCounters.js';
import { ShardFailedError, type DepthSnapshot } from './engineTypes.js';
import { EventHistory } from './eventHistory.js';
import {
  EventSubscribers,
  matchesFilter,
  type EventFilter,
  type EventSubscriber,
} from './eventSubscribers.js';
import { PendingRequests, type PendingEntry } from './pendingRequests.js';
import type { ShardEventSink } from './shardPool.js';
import { DepthReplyField } from './workerProtocol.js';

type FailableEntry = PendingEntry & { fail?(error: Error): void };

/**
 * Everything the main thread does with what comes back from the shards: the per-shard event
 * history, the latest quote per symbol, completing waiting requests, depth replies, live
 * subscribers, and failing what waits on a shard whose worker died.
 */
export class ShardOutputs implements ShardEventSink {
  readonly histories: readonly EventHistory[];
  /** Events by type and rejects by reason, for the metrics endpoint. */
  readonly counters = new EventCounters();
  /** Called once per failed shard (the gRPC adapter turns health to NOT_SERVING). */
  onShardFailure: ((shard: number, error: Error) => void) | undefined;
  private readonly pending: readonly PendingRequests[];
  private readonly subscribers = new EventSubscribers();
  /** Waiting depth queries by request id, with the shard that answers each. */
  private readonly depthQueries = new Map<number, { shard: number; resolve(snapshot: DepthSnapshot): void; reject(error: Error): void }>();
  /** Last QUOTE event slot per symbol id (slot 0 unused). */
  private readonly quotes: Float64Array;
  private readonly failedShards = new Map<number, ShardFailedError>();

  /** `startSequences[shard]`: the last sequence of a shard restored from a snapshot (events before are not kept). */
  constructor(shardCount: number, symbolCount: number, historyPerShard: number, startSequences: readonly number[] = []) {
    this.histories = Array.from({ length: shardCount }, (_, shard) => {
      const history = new EventHistory(historyPerShard);
      if ((startSequences[shard] ?? 0) > 0) history.startAfter(startSequences[shard]!);
      return history;
    });
    this.pending = Array.from({ length: shardCount }, () => new PendingRequests());
    this.quotes = new Float64Array((symbolCount + 1) * EVENT_SLOT_SIZE);
  }

  /** The failure of a dead shard, undefined while it runs. */
  failureOf(shard: number): ShardFailedError | undefined {
    return this.failedShards.get(shard);
  }

  /** Any dead shard's failure. */
  anyFailure(): ShardFailedError | undefined {
    return this.failedShards.values().next().value;
  }

  /** Waits for the events of commands just written to `shard` (ids above every queued one). */
  track(shard: number, entry: PendingEntry): void {
    this.pending[shard]!.add(entry);
  }

  /** Resolves with `shard`'s DEPTH reply to `requestId`; rejects when the shard dies or the engine stops first. */
  awaitDepth(shard: number, requestId: number): Promise<DepthSnapshot> {
    return new Promise<DepthSnapshot>((resolve, reject) => this.depthQueries.set(requestId, { shard, resolve, reject }));
  }

  /** A copy of the symbol's last QUOTE event slot (all zero before the first). */
  quote(symbolId: number): Float64Array {
    const at = symbolId * EVENT_SLOT_SIZE;
    return this.quotes.slice(at, at + EVENT_SLOT_SIZE);
  }

  /** See ShardedEngine.subscribe. */
  subscribe(
    fromSequences: ReadonlyMap<number, number>,
    filter: EventFilter,
    onEvent: EventSubscriber['onEvent'],
  ): (() => void) | { readonly outOfRange: number } {
    for (const [shard, from] of fromSequences) {
      const history = this.histories[shard];
      if (history !== undefined && from < history.oldestSequence && from <= history.lastSequence)
        return { outOfRange: shard };
    }
    // A start beyond the newest event waits for it: live events before it are skipped.
    const firstLive = new Float64Array(this.histories.length);
    for (const [shard, from] of fromSequences) {
      firstLive[shard] = from;
      this.histories[shard]?.replay(from, (slots, at) => {
        if (matchesFilter(filter, slots, at)) onEvent(shard, slots, at);
      });
    }
    const deliver: EventSubscriber['onEvent'] = (shard, slots, at) => {
      if ((slots[at + EventField.SEQUENCE] ?? 0) >= (firstLive[shard] ?? 0)) onEvent(shard, slots, at);
    };
    return this.subscribers.add({ filter, onEvent: deliver });
  }

  /** Fails everything still waiting (engine stop). */
  failAll(error: Error): void {
    for (const pending of this.pending)
      for (const entry of pending.drain()) (entry as FailableEntry).fail?.(error);
    for (const query of this.depthQueries.values()) query.reject(error);
    this.depthQueries.clear();
  }

  onEvent(shard: number, slots: Float64Array, at: number): void {
    this.histories[shard]!.append(slots, at);
    this.counters.count(slots, at);
    if (slots[at + EventField.TYPE] === EventType.QUOTE) {
      const symbolId = slots[at + EventField.SYMBOL_ID] ?? 0;
      if (symbolId > 0 && (symbolId + 1) * EVENT_SLOT_SIZE <= this.quotes.length) {
        const to = symbolId * EVENT_SLOT_SIZE;
        for (let i = 0; i < EVENT_SLOT_SIZE; i++) this.quotes[to + i] = slots[at + i]!;
      }
    }
    this.pending[shard]!.onEvent(slots[at + EventField.REQUEST_ID] ?? 0, slots, at);
    if (this.subscribers.size > 0) this.subscribers.publish(shard, slots, at);
  }

  onBatchDone(shard: number, lastRequestId: number): void {
    this.pending[shard]!.onBatchDone(lastRequestId);
  }

  onDepth(shard: number, header: Float64Array, levels: Float64Array): void {
    const requestId = header[DepthReplyField.REQUEST_ID] ?? 0;
    const query = this.depthQueries.get(requestId);
    if (query === undefined) return;
    this.depthQueries.delete(requestId);
    const bidValues = (header[DepthReplyField.BID_LEVELS] ?? 0) * 3;
    query.resolve({
      shard,
      sequence: header[DepthReplyField.LAST_SEQUENCE] ?? 0,
      bids: levels.subarray(0, bidValues),
      asks: levels.subarray(bidValues),
    });
  }

  onShardFailed(shard: number, error: Error): void {
    if (this.failedShards.has(shard)) return;
    const failure = new ShardFailedError(shard, error);
    this.failedShards.set(shard, failure);
    for (const entry of this.pending[shard]!.drain()) (entry as FailableEntry).fail?.(failure);
    for (const [requestId, query] of this.depthQueries) {
      if (query.shard !== shard) continue;
      this.depthQueries.delete(requestId);
      query.reject(failure);
    }
    this.onShardFailure?.(shard, failure);
  }
}
