/**
 * Starts a kafkajs consumer and resolves once it has joined its group and holds its assignment,
 * so `subscribe` hands back a member that is really consuming. On a fresh broker the group
 * coordinator loads for a few seconds and the first joins fail with retriable errors; then this
 * starts over with a new consumer until the deadline instead of failing the caller.
 */
import type { Consumer, ConsumerConfig, EachBatchHandler, IMemberAssignment, Kafka } from 'kafkajs';
import type { Logger } from 'pino';
import { isRetriableKafkaError } from './retryWhileNotReady.js';

export interface GroupMemberSpec {
  readonly kafka: Kafka;
  readonly consumer: ConsumerConfig;
  readonly topics: readonly string[];
  readonly fromBeginning: boolean;
  readonly eachBatch: EachBatchHandler;
  /** Partitions whose batches are handled at the same time (order within each is kept). */
  readonly partitionsConsumedConcurrently: number;
  readonly joinTimeoutMs: number;
  readonly logger: Logger;
  /** Runs on every join with the member's assignment, before `startGroupMember` resolves. */
  readonly onJoin?: (consumer: Consumer, assignment: IMemberAssignment) => void;
}

export async function startGroupMember(spec: GroupMemberSpec): Promise<Consumer> {
  const deadline = Date.now() + spec.joinTimeoutMs;
  for (let attempt = 1; ; attempt += 1) {
    const consumer = spec.kafka.consumer(spec.consumer);
    if (spec.onJoin) {
      const onJoin = spec.onJoin;
      consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => onJoin(consumer, payload.memberAssignment));
    }
    const joined = waitForGroupJoin(consumer, Math.max(deadline - Date.now(), 0));
    try {
      await consumer.connect();
      await consumer.subscribe({ topics: [...spec.topics], fromBeginning: spec.fromBeginning });
      await consumer.run({
        eachBatchAutoResolve: false,
        eachBatch: spec.eachBatch,
        partitionsConsumedConcurrently: spec.partitionsConsumedConcurrently,
      });
      await joined;
      return consumer;
    } catch (error) {
      joined.catch(() => undefined);
      await consumer.disconnect().catch(() => undefined);
      if (!isRetriable(error) || Date.now() >= deadline) throw error;
      spec.logger.info(
        { attempt, reason: (error as Error).message },
        'group coordinator not ready; joining again',
      );
    }
  }
}

function isRetriable(error: unknown): boolean {
  return (
    isRetriableKafkaError(error) || (error as { name?: unknown }).name === 'KafkaJSNumberOfRetriesExceeded'
  );
}

/** Resolves on GROUP_JOIN; a crash kafkajs recovers from itself (restart: true) is not an end. */
function waitForGroupJoin(consumer: Consumer, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const removers: Array<() => void> = [];
    const finish = (error?: Error): void => {
      clearTimeout(timer);
      for (const remove of removers) remove();
      if (error) reject(error);
      else resolve();
    };
    const timer = setTimeout(
      () => finish(new Error(`consumer did not join its group within ${timeoutMs} ms`)),
      timeoutMs,
    );
    removers.push(
      consumer.on(consumer.events.GROUP_JOIN, () => finish()),
      consumer.on(consumer.events.CRASH, ({ payload }) => {
        if (!payload.restart) finish(payload.error);
      }),
    );
  });
}
