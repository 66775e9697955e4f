/**
 * Dead letters (PROTOCOL.md, "Dead letters"). A record that cannot be decoded never will be:
 * redelivering it would block its partition for good, and skipping it would lose whatever it
 * was. So the consumer writes it to the dead-letter topic, with key, value and headers unchanged
 * plus headers saying where it came from and why. It commits past the record only once that
 * write is acknowledged, so a failing write leaves the record where it was.
 */
import type { IHeaders, KafkaMessage, Producer } from 'kafkajs';
import type { Logger } from 'pino';
import { retryUntilDone, type RetryPolicy } from '../retryUntilDone.js';

/** Headers a dead letter carries on top of the record's own; values are UTF-8 text. */
export const deadLetterHeaders = {
  /** Kafka topic the record was read from, prefix included (`mib.quotes`). */
  topic: 'dead-letter.topic',
  /** Its partition there, in decimal. */
  partition: 'dead-letter.partition',
  /** Its offset there, in decimal. */
  offset: 'dead-letter.offset',
  /** The consumer group that could not decode it; each group that reads it writes its own. */
  group: 'dead-letter.group',
  /** Why it was refused: the validation error's message. */
  reason: 'dead-letter.reason',
} as const;

/** A record that is not a valid event, and where it was read. */
export interface DeadLetter {
  readonly record: KafkaMessage;
  readonly topic: string;
  readonly partition: number;
  readonly group: string;
  readonly reason: string;
}

/** How to write dead letters; the consumer's retry policy and stop signal. */
export interface DeadLetterWriter {
  readonly producer: Producer;
  /** The dead-letter topic's Kafka name. */
  readonly topic: string;
  readonly retry: RetryPolicy;
  readonly logger: Logger;
  /** Aborted when the member stops: the record is then left for the group's next owner. */
  readonly signal: AbortSignal;
  readonly beforeRetry?: () => Promise<void>;
}

/**
 * Writes `letter` to the dead-letter topic, retrying with backoff until all in-sync replicas
 * acknowledged it (`sent`) or the member stopped (`abandoned`).
 */
export async function writeDeadLetter(
  letter: DeadLetter,
  writer: DeadLetterWriter,
): Promise<'sent' | 'abandoned'> {
  const { record, topic, partition, group, reason } = letter;
  const headers: IHeaders = {
    ...record.headers,
    [deadLetterHeaders.topic]: topic,
    [deadLetterHeaders.partition]: `${partition}`,
    [deadLetterHeaders.offset]: record.offset,
    [deadLetterHeaders.group]: group,
    [deadLetterHeaders.reason]: reason,
  };
  const outcome = await retryUntilDone(
    async () => {
      await writer.producer.send({
        topic: writer.topic,
        acks: -1,
        messages: [{ key: record.key, value: record.value, headers }],
      });
    },
    {
      ...writer,
      onFailure: (error, attempt, retryInMs) =>
        writer.logger.error(
          { err: error, topic, partition, offset: record.offset, attempt, retryInMs },
          'could not write to the dead-letter topic; trying again before moving past the record',
        ),
    },
  );
  return outcome === 'done' ? 'sent' : 'abandoned';
}
