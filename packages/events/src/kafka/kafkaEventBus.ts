/**
 * The production event bus on Apache Kafka (or Redpanda) through kafkajs. Topics are created at
 * connect, the dead-letter topic with them; the producer is idempotent, so retried batches never
 * duplicate or reorder a partition; consumers commit only what their handler finished
 * (at-least-once), or what they moved to the dead-letter topic when it is not a valid event.
 */
import {
  Kafka,
  Partitioners,
  type Admin,
  type EachBatchPayload,
  type KafkaMessage,
  type Message,
  type Producer,
} from 'kafkajs';
import type { Logger } from 'pino';
import { deliverUntilHandled } from '../deliverUntilHandled.js';
import { defaultRetryPolicy, memberStopping, type RetryPolicy } from '../retryUntilDone.js';
import type { EventBus, SubscribeOptions, Subscription } from '../eventBus.js';
import type { TradingEvent } from '../eventSchema.js';
import { decodeEvent, encodeEvent, parseEvent } from '../parseEvent.js';
import { deadLetterTopic, topicOf, topics, type DeadLetterTopic, type Topic } from '../topics.js';
import { writeDeadLetter } from './deadLetters.js';
import { ensureTopics } from './ensureTopics.js';
import { kafkaLogLevelFor, pinoLogCreator } from './kafkaLogCreator.js';
import { startGroupMember } from './startGroupMember.js';
import { endOffsetsForNewPartitions, seekToStartOffsets } from './startOffsets.js';

export interface KafkaEventBusOptions {
  /** Bootstrap brokers, `host:port`. */
  readonly brokers: readonly string[];
  readonly logger: Logger;
  /** Client id in broker logs and quotas (default `mib`). */
  readonly clientId?: string;
  /** Prepended to every topic name (default `mib.`); tests use a unique one per run. */
  readonly topicPrefix?: string;
  /**
   * Partitions per topic when the bus creates it (default 6): caps one group's parallelism, and
   * is how many partitions a member handles at the same time.
   */
  readonly partitions?: number;
  /** Replicas per topic when the bus creates it (default: the broker's default). */
  readonly replicationFactor?: number;
  /** Backoff for rejecting handlers (default 100 ms doubling to 5 s). */
  readonly retry?: RetryPolicy;
  /** Consumer heartbeat interval in ms (default 3000); lower makes rebalances quicker. */
  readonly heartbeatIntervalMs?: number;
  /** Longest a consumer's fetch waits for data, in ms (default 1000); bounds rebalance delays. */
  readonly fetchMaxWaitMs?: number;
  /** How long `subscribe` waits for the group join (default 30 000 ms). */
  readonly joinTimeoutMs?: number;
}

export class KafkaEventBus implements EventBus {
  readonly #kafka: Kafka;
  readonly #producer: Producer;
  readonly #admin: Admin;
  readonly #logger: Logger;
  readonly #prefix: string;
  readonly #options: KafkaEventBusOptions;
  readonly #subscriptions = new Set<Subscription>();
  #closed = false;

  private constructor(options: KafkaEventBusOptions) {
    this.#options = options;
    this.#logger = options.logger.child({ component: 'event-bus', adapter: 'kafka' });
    this.#prefix = options.topicPrefix ?? 'mib.';
    this.#kafka = new Kafka({
      clientId: options.clientId ?? 'mib',
      brokers: [...options.brokers],
      logLevel: kafkaLogLevelFor(this.#logger),
      logCreator: pinoLogCreator(this.#logger.child({ kafkajs: true })),
    });
    // An explicit partitioner (murmur2, as the Java client) also silences kafkajs's v2 warning.
    this.#producer = this.#kafka.producer({
      idempotent: true,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    this.#admin = this.#kafka.admin();
  }

  /** Connects, creates the topics that are missing and returns the ready bus. */
  static async connect(options: KafkaEventBusOptions): Promise<KafkaEventBus> {
    const bus = new KafkaEventBus(options);
    try {
      await bus.#admin.connect();
      await bus.#createTopics();
      await bus.#producer.connect();
    } catch (error) {
      await bus.close();
      throw error;
    }
    return bus;
  }

  /** The Kafka topic name of a bus topic, or of the dead-letter topic. */
  topicName(topic: Topic | DeadLetterTopic): string {
    return this.#prefix + topic;
  }

  async publish(events: readonly TradingEvent[]): Promise<void> {
    this.#assertOpen();
    if (events.length === 0) return;
    const byTopic = new Map<string, Message[]>();
    for (const event of events.map(parseEvent)) {
      const topic = this.topicName(topicOf(event.type));
      const messages = byTopic.get(topic) ?? [];
      messages.push({ key: event.key, value: encodeEvent(event) });
      byTopic.set(topic, messages);
    }
    // acks -1 (all in-sync replicas) is what the idempotent producer requires.
    await this.#producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
    });
  }

  async subscribe(options: SubscribeOptions): Promise<Subscription> {
    this.#assertOpen();
    const logger = this.#logger.child({ group: options.group });
    const stopping = memberStopping();
    const topicNames = options.topics.map((topic) => this.topicName(topic));
    let firstJoinStarts =
      options.start === 'latest'
        ? await endOffsetsForNewPartitions(this.#admin, options.group, topicNames)
        : undefined;
    const consumer = await startGroupMember({
      kafka: this.#kafka,
      consumer: {
        groupId: options.group,
        allowAutoTopicCreation: false,
        // kafkajs heartbeats (and so learns of a rebalance) only between fetches: a long fetch
        // wait would stall every rebalance by that much.
        maxWaitTimeInMs: this.#options.fetchMaxWaitMs ?? 1_000,
        ...(this.#options.heartbeatIntervalMs === undefined
          ? {}
          : { heartbeatInterval: this.#options.heartbeatIntervalMs }),
      },
      topics: topicNames,
      fromBeginning: options.start !== 'latest',
      onJoin: (member, assignment) => {
        // Only the first join: later ones continue from committed offsets or the member's position.
        seekToStartOffsets(member, assignment, firstJoinStarts);
        firstJoinStarts = undefined;
      },
      // Like the in-process bus: one slow key does not hold up the member's other partitions.
      partitionsConsumedConcurrently: this.#options.partitions ?? 6,
      eachBatch: (payload) => this.#consumeBatch(payload, options, logger, stopping.signal),
      joinTimeoutMs: this.#options.joinTimeoutMs ?? 30_000,
      logger,
    });
    let closing: Promise<void> | undefined;
    const close = (): Promise<void> => {
      closing ??= (async () => {
        // Abort first: disconnect waits for the running batch, which may be retrying a handler.
        stopping.abort();
        await consumer.disconnect();
        this.#subscriptions.delete(subscription);
      })();
      return closing;
    };
    const subscription: Subscription = { close, [Symbol.asyncDispose]: close };
    this.#subscriptions.add(subscription);
    return subscription;
  }

  async close(): Promise<void> {
    this.#closed = true;
    await Promise.allSettled([...this.#subscriptions].map((subscription) => subscription.close()));
    await Promise.allSettled([this.#producer.disconnect(), this.#admin.disconnect()]);
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }

  #assertOpen(): void {
    if (this.#closed) throw new Error('KafkaEventBus is closed');
  }

  async #createTopics(): Promise<void> {
    const topicConfig = (topic: Topic | DeadLetterTopic) => ({
      topic: this.topicName(topic),
      numPartitions: this.#options.partitions ?? 6,
      ...(this.#options.replicationFactor === undefined
        ? {}
        : { replicationFactor: this.#options.replicationFactor }),
    });
    await ensureTopics(this.#admin, [...topics, deadLetterTopic].map(topicConfig), this.#logger);
  }

  /**
   * Hands a batch to the handler message by message and resolves each offset only after its
   * record was consumed (`#consumeRecord`); kafkajs commits resolved offsets after the batch.
   * Returning early (the member stops, or a rebalance took the partition) leaves the rest for
   * the next owner.
   */
  async #consumeBatch(
    payload: EachBatchPayload,
    options: SubscribeOptions,
    logger: Logger,
    signal: AbortSignal,
  ): Promise<void> {
    for (const message of payload.batch.messages) {
      if (!payload.isRunning() || payload.isStale() || signal.aborted) return;
      const outcome = await this.#consumeRecord(message, payload, options, logger, signal);
      if (outcome === 'abandoned') return;
      payload.resolveOffset(message.offset);
      await payload.heartbeat();
    }
  }

  /**
   * `consumed` once the handler resolved the record's event or, when the record is not a valid
   * event, once the dead-letter topic acknowledged it; `abandoned` when the member stopped first.
   */
  async #consumeRecord(
    message: KafkaMessage,
    payload: EachBatchPayload,
    { group, handler }: SubscribeOptions,
    logger: Logger,
    signal: AbortSignal,
  ): Promise<'consumed' | 'abandoned'> {
    const { batch } = payload;
    const retry = this.#options.retry ?? defaultRetryPolicy;
    const beforeRetry = () => payload.heartbeat();
    let event: TradingEvent;
    try {
      event = decodeEvent(message.value ?? Buffer.alloc(0));
    } catch (error) {
      // A record that cannot be parsed never will be: redelivering it would block the partition.
      logger.error(
        { err: error, topic: batch.topic, partition: batch.partition, offset: message.offset },
        'skipping invalid event; moving it to the dead-letter topic',
      );
      const letter = {
        record: message,
        topic: batch.topic,
        partition: batch.partition,
        group,
        reason: (error as Error).message,
      };
      const writer = {
        producer: this.#producer,
        topic: this.topicName(deadLetterTopic),
        retry,
        logger,
        signal,
        beforeRetry,
      };
      return (await writeDeadLetter(letter, writer)) === 'sent' ? 'consumed' : 'abandoned';
    }
    const outcome = await deliverUntilHandled({
      event,
      where: { topic: batch.topic.slice(this.#prefix.length) as Topic, partition: batch.partition },
      handler,
      retry,
      logger,
      signal,
      beforeRetry,
    });
    return outcome === 'handled' ? 'consumed' : 'abandoned';
  }
}
