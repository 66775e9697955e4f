/**
 * The event-bus contract (PROTOCOL.md, "Delivery"), run against every adapter: what a producer
 * or consumer may rely on whichever bus `createEventBus` picks.
 */
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { EventValidationError, topicOf, type EventBus, type TradingEvent } from '../src/index.js';
import { ReceivedEvents } from './receivedEvents.js';
import { candleClosed, orderAccepted, quote, riskAlert, trade } from '../src/testing.js';

/**
 * Subscriptions are not disposed one by one: disposing the bus closes them all, which is part
 * of the contract too.
 */
export interface ContractTarget {
  /** A fresh bus whose topics hold nothing yet (Kafka: a new topic prefix per call). */
  readonly createBus: () => Promise<EventBus>;
  /** How long to wait for expected deliveries. */
  readonly timeoutMs: number;
}

const uniqueGroup = (name: string) => `${name}-${randomUUID()}`;

/** Sequences received per key, in arrival order. */
function sequencesByKey(events: readonly TradingEvent[]): Map<string, number[]> {
  const byKey = new Map<string, number[]>();
  for (const event of events) byKey.set(event.key, [...(byKey.get(event.key) ?? []), event.sequence]);
  return byKey;
}

export function eventBusContract({ createBus, timeoutMs }: ContractTarget): void {
  it('delivers every published event, unchanged, on its topic', async () => {
    await using bus = await createBus();
    const received = new ReceivedEvents();
    await bus.subscribe({
      group: uniqueGroup('round-trip'),
      topics: ['orders', 'trades', 'quotes', 'candles', 'risk-alerts'],
      handler: received.handler(),
    });
    const published = [
      orderAccepted('AAPL', 1),
      trade('AAPL', 2),
      quote('AAPL', 3),
      candleClosed('MSFT', 1, 1),
      riskAlert('account-7', 1),
    ];
    await bus.publish(published);

    await received.atLeast(published.length, timeoutMs);
    const bySequenceAndShard = (a: TradingEvent, b: TradingEvent) =>
      a.shard - b.shard || a.sequence - b.sequence || a.key.localeCompare(b.key);
    expect(received.events.toSorted(bySequenceAndShard)).toEqual(published.toSorted(bySequenceAndShard));
    for (const { event, delivery } of received.all) {
      expect(delivery.topic).toBe(topicOf(event.type));
      expect(delivery.attempt).toBe(1);
    }
  });

  it('keeps the publish order of events with the same key, across batches', async () => {
    await using bus = await createBus();
    const symbols = ['AAPL', 'MSFT', 'TSLA', 'NVDA', 'AMZN'];
    const received = new ReceivedEvents();
    await bus.subscribe({ group: uniqueGroup('order'), topics: ['quotes'], handler: received.handler() });

    const published: TradingEvent[] = [];
    for (let batch = 0; batch < 4; batch += 1) {
      const events = Array.from({ length: 50 }, (_, index) => {
        const sequence = batch * 50 + index + 1;
        return quote(symbols[sequence % symbols.length] ?? 'AAPL', sequence);
      });
      published.push(...events);
      await bus.publish(events);
    }

    await received.atLeast(published.length, timeoutMs);
    expect(sequencesByKey(received.events)).toEqual(sequencesByKey(published));
  });

  it('gives every consumer group every event', async () => {
    await using bus = await createBus();
    const risk = new ReceivedEvents();
    const portfolio = new ReceivedEvents();
    await bus.subscribe({ group: uniqueGroup('risk'), topics: ['trades'], handler: risk.handler() });
    await bus.subscribe({
      group: uniqueGroup('portfolio'),
      topics: ['trades'],
      handler: portfolio.handler(),
    });

    const published = Array.from({ length: 40 }, (_, index) => trade(`SYM${index % 8}`, index + 1));
    await bus.publish(published);

    await Promise.all([
      risk.atLeast(published.length, timeoutMs),
      portfolio.atLeast(published.length, timeoutMs),
    ]);
    const ids = (events: readonly TradingEvent[]) =>
      events.map((event) => event.sequence).toSorted((a, b) => a - b);
    expect(ids(risk.events)).toEqual(ids(published));
    expect(ids(portfolio.events)).toEqual(ids(published));
  });

  it('splits one group’s partitions between its members, each key to one member', async () => {
    await using bus = await createBus();
    const group = uniqueGroup('shared');
    const first = new ReceivedEvents();
    const second = new ReceivedEvents();
    await bus.subscribe({ group, topics: ['quotes'], handler: first.handler() });
    await bus.subscribe({ group, topics: ['quotes'], handler: second.handler() });

    const published = Array.from({ length: 120 }, (_, index) => quote(`SYM${index % 24}`, index + 1));
    await bus.publish(published);

    const total = () => first.all.length + second.all.length;
    await Promise.race([
      first.until(() => total() >= published.length, timeoutMs),
      second.until(() => total() >= published.length, timeoutMs),
    ]);
    const sequences = [...first.events, ...second.events]
      .map((event) => event.sequence)
      .toSorted((a, b) => a - b);
    expect(sequences).toEqual(published.map((event) => event.sequence));
    expect(first.all.length).toBeGreaterThan(0);
    expect(second.all.length).toBeGreaterThan(0);
    const firstKeys = new Set(first.events.map((event) => event.key));
    expect(second.events.filter((event) => firstKeys.has(event.key))).toEqual([]);
  });

  it('delivers an event again when its handler fails, before later events of its key', async () => {
    await using bus = await createBus();
    const received = new ReceivedEvents();
    let failures = 0;
    await bus.subscribe({
      group: uniqueGroup('redelivery'),
      topics: ['orders'],
      handler: received.handler((event) => {
        if (event.sequence === 3 && failures < 2) {
          failures += 1;
          throw new Error('read model unavailable');
        }
      }),
    });
    const published = Array.from({ length: 6 }, (_, index) => orderAccepted('AAPL', index + 1));
    await bus.publish(published);

    await received.atLeast(published.length, timeoutMs);
    expect(failures).toBe(2);
    expect(received.events.map((event) => event.sequence)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(received.all.find((entry) => entry.event.sequence === 3)?.delivery.attempt).toBe(3);
  });

  it('hands an event whose handler never succeeded to the next member once its owner leaves', async () => {
    await using bus = await createBus();
    const group = uniqueGroup('handover');
    const attempts = new ReceivedEvents();
    const first = await bus.subscribe({
      group,
      topics: ['orders'],
      handler: async (event, delivery) => {
        await attempts.handler()(event, delivery);
        if (event.sequence === 2) throw new Error('this member cannot apply it');
      },
    });
    await bus.publish([orderAccepted('AAPL', 1), orderAccepted('AAPL', 2), orderAccepted('AAPL', 3)]);
    await attempts.until(
      (received) => received.some(({ event }) => event.sequence === 2),
      timeoutMs,
      'a failed attempt',
    );
    await first.close();
    expect(attempts.events.map((event) => event.sequence)).not.toContain(3);

    const second = new ReceivedEvents();
    await bus.subscribe({ group, topics: ['orders'], handler: second.handler() });
    await second.until(
      (received) => received.some(({ event }) => event.sequence === 3),
      timeoutMs,
      'sequence 3',
    );
    // At least once: 1 may come again if its commit was lost, but 2 and 3 arrive, in order.
    expect(second.events.map((event) => event.sequence).filter((sequence) => sequence >= 2)).toEqual([2, 3]);
  });

  it('starts a new group at the retained history, or at the end when it asks for latest', async () => {
    await using bus = await createBus();
    await bus.publish([candleClosed('AAPL', 1), candleClosed('AAPL', 2)]);
    const history = new ReceivedEvents();
    const live = new ReceivedEvents();
    await bus.subscribe({ group: uniqueGroup('history'), topics: ['candles'], handler: history.handler() });
    await bus.subscribe({
      group: uniqueGroup('live'),
      topics: ['candles'],
      start: 'latest',
      handler: live.handler(),
    });

    await bus.publish([candleClosed('AAPL', 3)]);
    await Promise.all([history.atLeast(3, timeoutMs), live.atLeast(1, timeoutMs)]);
    expect(history.events.map((event) => event.sequence)).toEqual([1, 2, 3]);
    expect(live.events.map((event) => event.sequence)).toEqual([3]);
  });

  it('rejects a malformed event with a clear error and publishes nothing of its batch', async () => {
    await using bus = await createBus();
    const received = new ReceivedEvents();
    await bus.subscribe({
      group: uniqueGroup('validation'),
      topics: ['quotes'],
      handler: received.handler(),
    });
    const malformed = { ...quote('AAPL', 2), payload: { ...quote('AAPL', 2).payload, bidPrice: 101.5 } };

    const publishing = bus.publish([quote('AAPL', 1), malformed as unknown as TradingEvent]);
    await expect(publishing).rejects.toThrow(EventValidationError);
    await expect(publishing).rejects.toThrow(/payload\.bidPrice: .*decimal string/);

    // Same key, so had the first event been published it would arrive before this one.
    await bus.publish([quote('AAPL', 3)]);
    await received.atLeast(1, timeoutMs);
    expect(received.events.map((event) => event.sequence)).toEqual([3]);
  });
}
