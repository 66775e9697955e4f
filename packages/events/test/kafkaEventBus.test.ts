/**
 * The event-bus contract on a real Kafka broker (`infra/kafka/start.sh`). Skipped when
 * KAFKA_BROKERS is unset; CI sets it. Records the bus did not write: kafkaDeadLetters.test.ts.
 */
import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { describe } from 'vitest';
import { KafkaEventBus, parseBrokerList } from '../src/index.js';
import { eventBusContract } from './eventBusContract.js';

const brokers = parseBrokerList(process.env['KAFKA_BROKERS']);

describe.skipIf(brokers.length === 0)('KafkaEventBus', { timeout: 60_000 }, () => {
  eventBusContract({
    createBus: () =>
      KafkaEventBus.connect({
        brokers,
        logger: pino({ level: process.env['LOG_LEVEL'] ?? 'silent' }),
        topicPrefix: `test-${randomUUID()}.`,
        partitions: 4,
        heartbeatIntervalMs: 500,
        fetchMaxWaitMs: 200,
        retry: { initialDelayMs: 20, maxDelayMs: 100 },
      }),
    timeoutMs: 30_000,
  });
});
