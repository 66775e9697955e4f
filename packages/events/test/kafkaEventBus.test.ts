/**
 * The event-bus contract on a real Kafka broker (`infra/kafka/start.sh`). Skipped when
 * KAFKA_BROKERS is unset; CI sets it.
 */
import { randomUUID } from 'node:crypto';
import { Kafka, Partitioners, logLevel } from 'kafkajs';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { KafkaEventBus, parseBrokerList } from '../src/index.js';
import { eventBusContract } from './eventBusContract.js';
import { ReceivedEvents } from './receivedEvents.js';
import { quote } from './sampleEvents.js';

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

describe.skipIf(brokers.length === 0)(
  'KafkaEventBus with records it did not write',
  { timeout: 60_000 },
  () => {
    it('skips a record that is not a valid event and keeps consuming its partition', async () => {
      const logger = pino({ level: 'silent' });
      await using bus = await KafkaEventBus.connect({
        brokers,
        logger,
        topicPrefix: `test-${randomUUID()}.`,
        partitions: 1,
        fetchMaxWaitMs: 200,
      });
      const received = new ReceivedEvents();
      await bus.subscribe({ group: `skip-${randomUUID()}`, topics: ['quotes'], handler: received.handler() });

      const producer = new Kafka({ brokers, logLevel: logLevel.NOTHING }).producer({
        createPartitioner: Partitioners.DefaultPartitioner,
      });
      await producer.connect();
      try {
        await producer.send({
          topic: bus.topicName('quotes'),
          messages: [
            { key: 'AAPL', value: '{"schemaVersion":1,"type":"quote"}' },
            { key: 'AAPL', value: 'not json' },
          ],
        });
      } finally {
        await producer.disconnect();
      }
      await bus.publish([quote('AAPL', 1)]);

      await received.atLeast(1, 30_000);
      expect(received.events).toEqual([quote('AAPL', 1)]);
    });
  },
);
