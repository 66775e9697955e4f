/**
 * The event bus: the one interface producers and consumers use, whatever carries the events
 * (PROTOCOL.md, "Delivery"). Adapters: `InProcessEventBus` (embedded default) and
 * `KafkaEventBus`; `createEventBus` picks one from configuration.
 */
import type { TradingEvent } from './eventSchema.js';
import type { Topic } from './topics.js';

/** How an event reached a handler. */
export interface Delivery {
  readonly topic: Topic;
  readonly partition: number;
  /** 1 on first delivery to this member, 2 and up when the handler rejected before. */
  readonly attempt: number;
}

/**
 * Applies one event. Resolve once its effect is durable: the bus then moves past it. Reject to
 * get the same event again (after a backoff) before any later event of its partition.
 * One partition's events are handled one at a time, in order; different partitions (so
 * different keys) may be handled concurrently, by both adapters.
 */
export type EventHandler = (event: TradingEvent, delivery: Delivery) => Promise<void>;

export interface SubscribeOptions {
  /** Consumer group. Every group gets every event; members of one group share partitions. */
  readonly group: string;
  /** Topics to consume. */
  readonly topics: readonly Topic[];
  readonly handler: EventHandler;
  /**
   * Where a group with no committed position starts: `earliest` (default) reads what the bus
   * still retains, so a new read model sees history; `latest` only what is published from now.
   */
  readonly start?: 'earliest' | 'latest';
}

/** A live subscription; `close()` (or `await using`) leaves the group after the current handler. */
export interface Subscription extends AsyncDisposable {
  close(): Promise<void>;
}

/** `await using bus = …` closes it at the end of the scope, like `close()`. */
export interface EventBus extends AsyncDisposable {
  /**
   * Publishes events, batched into as few requests as possible. Each is validated first; an
   * invalid one rejects the whole call with `EventValidationError` and nothing is published.
   * Resolves once the bus holds them (Kafka: acknowledged by all in-sync replicas). Events with
   * the same topic and key keep the order of the array and of successive calls.
   */
  publish(events: readonly TradingEvent[]): Promise<void>;
  /**
   * Joins `group` and starts delivering. Resolves once the member has its share of partitions,
   * so events published afterwards reach the group (from `start` for a new group).
   */
  subscribe(options: SubscribeOptions): Promise<Subscription>;
  /** Closes every subscription, then the connections. Idempotent. */
  close(): Promise<void>;
}
