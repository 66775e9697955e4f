/**
 * The embedded default event bus: Kafka's delivery model (partitions by key, consumer groups,
 * committed positions, at-least-once) inside one process, with no broker to run.
 */
import type { Logger } from 'pino';
import { deliverUntilHandled } from '../deliverUntilHandled.js';
import { defaultRetryPolicy, memberStopping, type RetryPolicy } from '../retryUntilDone.js';
import type { EventBus, SubscribeOptions, Subscription } from '../eventBus.js';
import type { TradingEvent } from '../eventSchema.js';
import { parseEvent } from '../parseEvent.js';
import { topicOf, topics, type Topic } from '../topics.js';
import { ConsumerGroup, type GroupMember } from './consumerGroup.js';
import { PartitionLog, partitionForKey } from './partitionLog.js';

/** Deliveries in a row before a delivery loop lets the event loop run other work. */
const YIELD_EVERY = 256;

export interface InProcessEventBusOptions {
  readonly logger: Logger;
  /** Partitions per topic (default 8): the most members of one group that can share a topic. */
  readonly partitions?: number;
  /**
   * Events kept per partition that no group reads (default 10 000): bounds memory when nobody
   * consumes. Events a group has yet to read are kept however many, as Kafka keeps a lagging
   * consumer's: a stuck handler (its database down) costs memory, never an acknowledged event.
   */
  readonly retention?: number;
  /** Backoff for rejecting handlers (default 100 ms doubling to 5 s). */
  readonly retry?: RetryPolicy;
}

export class InProcessEventBus implements EventBus {
  readonly #logger: Logger;
  readonly #partitions: number;
  readonly #retry: RetryPolicy;
  readonly #retention: number;
  readonly #logs: ReadonlyMap<Topic, readonly PartitionLog[]>;
  readonly #groups = new Map<string, ConsumerGroup>();
  /** `group/topic/partition` of the delivery loops running now: at most one per partition. */
  readonly #running = new Set<string>();
  readonly #subscriptions = new Set<Subscription>();
  #nextMemberId = 1;
  #closed = false;

  constructor(options: InProcessEventBusOptions) {
    this.#logger = options.logger.child({ component: 'event-bus', adapter: 'in-process' });
    this.#partitions = options.partitions ?? 8;
    this.#retry = options.retry ?? defaultRetryPolicy;
    this.#retention = options.retention ?? 10_000;
    this.#logs = new Map(
      topics.map((topic) => [topic, Array.from({ length: this.#partitions }, () => new PartitionLog())]),
    );
  }

  publish(events: readonly TradingEvent[]): Promise<void> {
    return settle(() => this.#append(events));
  }

  subscribe(options: SubscribeOptions): Promise<Subscription> {
    return settle(() => this.#join(options));
  }

  #append(events: readonly TradingEvent[]): void {
    this.#assertOpen();
    // Validate all first, so an invalid event publishes nothing; freeze, since groups share them.
    const valid = events.map((event) => deepFreeze(parseEvent(event)));
    for (const event of valid) {
      const topic = topicOf(event.type);
      const partition = partitionForKey(event.key, this.#partitions);
      this.#log(topic, partition).append(event);
      this.#trim(topic, partition);
      for (const group of this.#groups.values()) this.#schedule(group, topic, partition);
    }
  }

  #join(options: SubscribeOptions): Subscription {
    this.#assertOpen();
    const group = this.#groups.get(options.group) ?? new ConsumerGroup(options.group);
    this.#groups.set(options.group, group);
    for (const topic of options.topics) {
      this.#logs.get(topic)?.forEach((log, partition) => {
        if (group.position(topic, partition) === undefined) {
          group.commit(topic, partition, options.start === 'latest' ? log.end : log.start);
        }
      });
    }
    const id = this.#nextMemberId++;
    const member: GroupMember = {
      id,
      topics: [...options.topics],
      handler: options.handler,
      stopping: memberStopping(),
      inFlight: new Set(),
      logger: this.#logger.child({ group: options.group, member: id }),
    };
    group.join(member);
    this.#logger.debug({ group: group.name, member: member.id, topics: member.topics }, 'member joined');
    this.#rebalance(group);

    let closing: Promise<void> | undefined;
    const close = (): Promise<void> => {
      closing ??= (async () => {
        group.leave(member);
        member.stopping.abort();
        await Promise.allSettled(member.inFlight);
        this.#subscriptions.delete(subscription);
        this.#logger.debug({ group: group.name, member: member.id }, 'member left');
        this.#rebalance(group);
      })();
      return closing;
    };
    const subscription: Subscription = { close, [Symbol.asyncDispose]: close };
    this.#subscriptions.add(subscription);
    return subscription;
  }

  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all([...this.#subscriptions].map((subscription) => subscription.close()));
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }

  #assertOpen(): void {
    if (this.#closed) throw new Error('InProcessEventBus is closed');
  }

  #log(topic: Topic, partition: number): PartitionLog {
    const log = this.#logs.get(topic)?.[partition];
    if (!log) throw new Error(`no partition ${partition} of topic ${topic}`);
    return log;
  }

  /** After membership changed: every partition may have a new owner with events waiting. */
  #rebalance(group: ConsumerGroup): void {
    if (this.#closed) return;
    for (const topic of topics) {
      for (let partition = 0; partition < this.#partitions; partition += 1)
        this.#schedule(group, topic, partition);
    }
  }

  /** Starts the partition's delivery loop for the group, after the current call stack. */
  #schedule(group: ConsumerGroup, topic: Topic, partition: number): void {
    const loop = `${group.name}/${topic}/${partition}`;
    if (this.#running.has(loop) || group.position(topic, partition) === undefined) return;
    this.#running.add(loop);
    queueMicrotask(() => {
      this.#deliver(group, topic, partition, loop).catch((error: unknown) => {
        this.#running.delete(loop);
        this.#logger.error({ err: error, group: group.name, topic, partition }, 'delivery loop failed');
      });
    });
  }

  /**
   * Delivers the partition's events to their owner one at a time, committing each after its
   * handler resolved. Ends when the partition is drained or has no owner; the check and leaving
   * `#running` happen without an await between them, so a publish never slips past a finishing
   * loop unseen.
   */
  async #deliver(group: ConsumerGroup, topic: Topic, partition: number, loop: string): Promise<void> {
    const log = this.#log(topic, partition);
    for (let delivered = 1; ; delivered += 1) {
      // Handlers that resolve at once would otherwise keep this loop in microtasks until the
      // partition is drained, starving timers and I/O of everything else in the process.
      if (delivered % YIELD_EVERY === 0) await new Promise(setImmediate);
      const owner = group.ownerOf(topic, partition);
      let offset = group.position(topic, partition) ?? log.end;
      if (!owner || offset >= log.end) {
        this.#running.delete(loop);
        return;
      }
      if (offset < log.start) {
        this.#logger.warn(
          { group: group.name, topic, partition, lost: log.start - offset },
          'events dropped by retention before this group read them',
        );
        offset = log.start;
      }
      const event = log.at(offset);
      if (!event) throw new Error(`offset ${offset} missing from ${topic}/${partition}`);
      const delivery = deliverUntilHandled({
        event,
        where: { topic, partition },
        handler: owner.handler,
        retry: this.#retry,
        logger: owner.logger,
        signal: owner.stopping.signal,
      });
      owner.inFlight.add(delivery);
      const outcome = await delivery.finally(() => owner.inFlight.delete(delivery));
      if (outcome === 'handled') {
        group.commit(topic, partition, offset + 1);
        this.#trim(topic, partition);
      }
    }
  }

  /**
   * Drops what every group reading the partition has consumed; with no group reading it, all but
   * the newest `retention` events. A group far behind is warned about, once per `retention`
   * events of lag, and its events are kept.
   */
  #trim(topic: Topic, partition: number): void {
    const log = this.#log(topic, partition);
    let lowest = Number.POSITIVE_INFINITY;
    let slowest: ConsumerGroup | undefined;
    for (const group of this.#groups.values()) {
      const position = group.position(topic, partition);
      if (position !== undefined && position < lowest) [lowest, slowest] = [position, group];
    }
    if (!slowest) return log.trimBefore(log.end - this.#retention);
    log.trimBefore(lowest);
    const lag = log.end - lowest;
    if (lag >= this.#retention && lag % this.#retention === 0)
      this.#logger.warn(
        { group: slowest.name, topic, partition, lag },
        'a group is far behind; holding its events',
      );
  }
}

/** Runs synchronous work behind the bus's promise-based interface; a throw becomes a rejection. */
function settle<T>(work: () => T): Promise<T> {
  try {
    return Promise.resolve(work());
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const property of Object.values(value)) deepFreeze(property);
  }
  return value;
}
