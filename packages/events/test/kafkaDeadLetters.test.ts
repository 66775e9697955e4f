/**
 * Records on a Kafka topic that are not valid events (PROTOCOL.md, "Dead letters"): the consumer
 * moves each to the dead-letter topic, unchanged, and only then past it. Real broker; skipped
 * when KAFKA_BROKERS is unset.
 */
import { randomUUID } from 'node:crypto';
import type { IHeaders } from 'kafkajs';
import { pino, type Logger } from 'pino';
import { describe, expect, it } from 'vitest';
import { KafkaEventBus, deadLetterHeaders, parseBrokerList, type EventBus } from '../src/index.js';
import { CapturedLog } from './capturedLog.js';
import { RawKafka } from './rawKafka.js';
import { ReceivedEvents } from './receivedEvents.js';
import { quote } from '../src/testing.js';

const brokers = parseBrokerList(process.env['KAFKA_BROKERS']);
const timeoutMs = 30_000;
const failedWrite = 'could not write to the dead-letter topic';

/** A bus of one partition per topic, so the test knows every record's offset. */
function connectBus(logger: Logger = pino({ level: 'silent' })): Promise<KafkaEventBus> {
  return KafkaEventBus.connect({
    brokers,
    logger,
    topicPrefix: `test-${randomUUID()}.`,
    partitions: 1,
    heartbeatIntervalMs: 500,
    fetchMaxWaitMs: 200,
    retry: { initialDelayMs: 20, maxDelayMs: 100 },
  });
}

function subscribeQuotes(bus: EventBus, group: string, received: ReceivedEvents) {
  return bus.subscribe({ group, topics: ['quotes'], handler: received.handler() });
}

const text = (value: IHeaders[string]) => value?.toString();

/**
 * A bus whose dead-letter topic refuses every record (its size limit is one byte), with an
 * invalid record on `quotes` followed by a valid one.
 */
async function withRefusingDeadLetterTopic() {
  const log = new CapturedLog();
  const bus = await connectBus(log.logger);
  const raw = await RawKafka.connect(brokers);
  const quotes = bus.topicName('quotes');
  const deadLetters = bus.topicName('dead-letter');
  await raw.limitRecordSize(deadLetters, 1);
  await raw.produce(quotes, [{ key: 'AAPL', value: 'not json' }]);
  await bus.publish([quote('AAPL', 1)]);
  return {
    log,
    bus,
    raw,
    quotes,
    deadLetters,
    async [Symbol.asyncDispose]() {
      await raw[Symbol.asyncDispose]();
      await bus[Symbol.asyncDispose]();
    },
  };
}

describe.skipIf(brokers.length === 0)(
  'KafkaEventBus with records it did not write',
  { timeout: 60_000 },
  () => {
    it('creates the dead-letter topic with the event topics', async () => {
      await using bus = await connectBus();
      await using raw = await RawKafka.connect(brokers);
      expect(await raw.topicNames()).toContain(bus.topicName('dead-letter'));
    });

    it('moves a record that is not a valid event to the dead-letter topic, unchanged, and consumes on', async () => {
      await using bus = await connectBus();
      await using raw = await RawKafka.connect(brokers);
      const group = `dead-letters-${randomUUID()}`;
      const received = new ReceivedEvents();
      await subscribeQuotes(bus, group, received);

      const quotes = bus.topicName('quotes');
      await raw.produce(quotes, [
        { key: 'AAPL', value: '{"schemaVersion":1,"type":"quote"}', headers: { traceparent: 'trace-1' } },
        { key: 'AAPL', value: 'not json' },
        { key: null, value: null },
      ]);
      await bus.publish([quote('AAPL', 1)]);

      await received.atLeast(1, timeoutMs);
      expect(received.events).toEqual([quote('AAPL', 1)]);
      const letters = await raw.read(bus.topicName('dead-letter'), 3, timeoutMs);
      const byOffset = letters
        .map(({ message }) => message)
        .toSorted(
          (a, b) =>
            Number(text(a.headers?.[deadLetterHeaders.offset])) -
            Number(text(b.headers?.[deadLetterHeaders.offset])),
        );
      expect(
        byOffset.map((message) => [message.key?.toString() ?? null, message.value?.toString() ?? null]),
      ).toEqual([
        ['AAPL', '{"schemaVersion":1,"type":"quote"}'],
        ['AAPL', 'not json'],
        [null, null],
      ]);
      byOffset.forEach((message, offset) => {
        const headers = message.headers ?? {};
        expect(text(headers[deadLetterHeaders.topic])).toBe(quotes);
        expect(text(headers[deadLetterHeaders.partition])).toBe('0');
        expect(text(headers[deadLetterHeaders.offset])).toBe(`${offset}`);
        expect(text(headers[deadLetterHeaders.group])).toBe(group);
      });
      expect(byOffset.map((message) => text(message.headers?.[deadLetterHeaders.reason]))).toEqual([
        expect.stringMatching(/^Invalid event: .*payload/),
        expect.stringMatching(/^Invalid event: \(event\): not JSON/),
        expect.stringMatching(/^Invalid event: \(event\): not JSON/),
      ]);
      // The record's own headers travel with it.
      expect(text(byOffset[0]?.headers?.['traceparent'])).toBe('trace-1');
      await raw.committedAtLeast(group, quotes, 0, 4, timeoutMs);
    });

    it('moves past an invalid record only once the dead-letter topic acknowledged it', async () => {
      await using refusing = await withRefusingDeadLetterTopic();
      const { log, bus, raw, quotes, deadLetters } = refusing;

      const group = `dead-letters-${randomUUID()}`;
      const received = new ReceivedEvents();
      await subscribeQuotes(bus, group, received);
      await log.atLeast(2, failedWrite, timeoutMs);
      expect(received.events).toEqual([]);
      expect(await raw.committedOffset(group, quotes, 0)).toBe(-1);

      await raw.limitRecordSize(deadLetters, undefined);
      await received.atLeast(1, timeoutMs);
      expect(received.events).toEqual([quote('AAPL', 1)]);
      const [letter] = await raw.read(deadLetters, 1, timeoutMs);
      expect(letter?.message.value?.toString()).toBe('not json');
      expect(log.matching('skipping invalid event')).toContainEqual(
        expect.objectContaining({ topic: quotes, partition: 0, offset: '0' }),
      );
      await raw.committedAtLeast(group, quotes, 0, 2, timeoutMs);
    });

    it('leaves an invalid record to the next member when its dead-letter write never succeeded', async () => {
      await using refusing = await withRefusingDeadLetterTopic();
      const { log, bus, raw, quotes, deadLetters } = refusing;

      const group = `dead-letters-${randomUUID()}`;
      const first = new ReceivedEvents();
      const firstMember = await subscribeQuotes(bus, group, first);
      await log.atLeast(1, failedWrite, timeoutMs);
      await firstMember.close();
      expect(first.events).toEqual([]);
      expect(await raw.committedOffset(group, quotes, 0)).toBe(-1);

      await raw.limitRecordSize(deadLetters, undefined);
      const second = new ReceivedEvents();
      await subscribeQuotes(bus, group, second);
      await second.atLeast(1, timeoutMs);
      expect(second.events).toEqual([quote('AAPL', 1)]);
      const [letter] = await raw.read(deadLetters, 1, timeoutMs);
      expect(letter?.message.value?.toString()).toBe('not json');
    });
  },
);
