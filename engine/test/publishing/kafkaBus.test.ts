/** The publishing contract on a real broker (`infra/kafka/start.sh`); skipped without KAFKA_BROKERS, which CI sets. */
import { randomUUID } from 'node:crypto';
import { KafkaEventBus, parseBrokerList } from '@mib/events';
import { pino } from 'pino';
import { describe } from 'vitest';
import { publishingContract } from './crossingOrders.js';

const brokers = parseBrokerList(process.env['KAFKA_BROKERS']);

describe.skipIf(brokers.length === 0)('the engine publishing to Kafka', { timeout: 90_000 }, () => {
  publishingContract({
    createBus: () =>
      KafkaEventBus.connect({
        brokers,
        logger: pino({ level: process.env['LOG_LEVEL'] ?? 'silent' }),
        topicPrefix: `engine-test-${randomUUID()}.`,
        partitions: 2,
        heartbeatIntervalMs: 500,
        fetchMaxWaitMs: 200,
      }),
    timeoutMs: 30_000,
  });
});
