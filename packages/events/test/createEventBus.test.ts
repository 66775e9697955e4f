import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { InProcessEventBus, createEventBus, parseBrokerList } from '../src/index.js';

describe('createEventBus', () => {
  it('uses the in-process bus when no Kafka brokers are configured', async () => {
    await using bus = await createEventBus({ logger: pino({ level: 'silent' }), kafkaBrokers: ' ' });
    expect(bus).toBeInstanceOf(InProcessEventBus);
  });

  it('reads a comma-separated broker list', () => {
    expect(parseBrokerList('127.0.0.1:9092, kafka-2:9092,')).toEqual(['127.0.0.1:9092', 'kafka-2:9092']);
    expect(parseBrokerList(undefined)).toEqual([]);
  });
});
