import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { InProcessEventBus } from '../src/index.js';
import { eventBusContract } from './eventBusContract.js';
import { ReceivedEvents } from './receivedEvents.js';
import { quote } from '../src/testing.js';

const logger = pino({ level: 'silent' });

describe('InProcessEventBus', () => {
  eventBusContract({
    createBus: () =>
      Promise.resolve(new InProcessEventBus({ logger, retry: { initialDelayMs: 5, maxDelayMs: 20 } })),
    timeoutMs: 2_000,
  });
});

describe('InProcessEventBus retention', () => {
  it('keeps a bounded tail of each partition when nobody consumes', async () => {
    await using bus = new InProcessEventBus({ logger, partitions: 1, retention: 10 });
    await bus.publish(Array.from({ length: 100 }, (_, index) => quote('AAPL', index + 1)));

    const received = new ReceivedEvents();
    await bus.subscribe({ group: 'late', topics: ['quotes'], handler: received.handler() });
    await received.until((all) => all.at(-1)?.event.sequence === 100, 2_000, 'the last event');
    // Trimming drops in chunks, so between `retention` and twice that survive.
    expect(received.all.length).toBeGreaterThanOrEqual(10);
    expect(received.all.length).toBeLessThanOrEqual(20);
  });

  it('keeps every event a stuck group has yet to read, however far past the retention', async () => {
    await using bus = new InProcessEventBus({
      logger,
      partitions: 1,
      retention: 10,
      retry: { initialDelayMs: 5, maxDelayMs: 5 },
    });
    let databaseUp = false;
    const received = new ReceivedEvents();
    await bus.subscribe({
      group: 'stuck',
      topics: ['quotes'],
      handler: received.handler(() => {
        if (!databaseUp) throw new Error('database unavailable');
      }),
    });
    await bus.publish(Array.from({ length: 3_000 }, (_, index) => quote('AAPL', index + 1)));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(received.all).toHaveLength(0);

    databaseUp = true;
    await received.until((all) => all.length === 3_000, 5_000, 'all 3 000 events');
    expect(received.events.map((event) => event.sequence)).toEqual(
      Array.from({ length: 3_000 }, (_, index) => index + 1),
    );
  });

  it('delivers a large burst to every group without losing or reordering events', async () => {
    await using bus = new InProcessEventBus({ logger, partitions: 4 });
    const groups = [new ReceivedEvents(), new ReceivedEvents()];
    for (const [index, group] of groups.entries()) {
      await bus.subscribe({ group: `burst-${index}`, topics: ['quotes'], handler: group.handler() });
    }
    const events = Array.from({ length: 5_000 }, (_, index) => quote(`SYM${index % 50}`, index + 1));
    await bus.publish(events);

    await Promise.all(groups.map((group) => group.atLeast(events.length, 15_000)));
    for (const group of groups) {
      const bySymbol = new Map<string, number[]>();
      for (const event of group.events)
        bySymbol.set(event.key, [...(bySymbol.get(event.key) ?? []), event.sequence]);
      for (const sequences of bySymbol.values())
        expect(sequences).toEqual(sequences.toSorted((a, b) => a - b));
      expect(group.events).toHaveLength(events.length);
    }
  }, 20_000);
});
