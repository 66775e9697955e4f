/** The publisher's guarantees when the bus misbehaves: nothing dropped, order kept, overflow loud. */
import type { TradingEvent } from '@mib/events';
import { pino } from 'pino';
import { describe, expect, it, vi } from 'vitest';
import { EVENT_SLOT_SIZE, EventField, EventType } from '../../src/core/index.js';
import { EventPublisher, type PublishedEngine } from '../../src/publishing/eventPublisher.js';
import { AccountDirectory } from '../../src/shard/accountDirectory.js';
import { EventHistory } from '../../src/shard/eventHistory.js';
import { InstrumentRegistry } from '../../src/shard/instrumentRegistry.js';

/** An engine stand-in whose live stream the test drives slot by slot. */
function fakeEngine(): PublishedEngine & { emitQuote(sequence: number): void } {
  let deliver: ((shard: number, slots: Float64Array, offset: number) => void) | undefined;
  const slot = new Float64Array(EVENT_SLOT_SIZE);
  return {
    shardCount: 1,
    registry: new InstrumentRegistry([{ symbol: 'AAPL', tickSize: '0.01', lotSize: '1' }], 1),
    accounts: new AccountDirectory(),
    histories: [new EventHistory(16)],
    subscribe: (_from, _filter, onEvent) => {
      deliver = onEvent;
      return () => (deliver = undefined);
    },
    emitQuote(sequence) {
      slot.fill(0);
      slot[EventField.TYPE] = EventType.QUOTE;
      slot[EventField.SEQUENCE] = sequence;
      slot[EventField.SYMBOL_ID] = 1;
      slot[EventField.TIMESTAMP_MS] = Date.UTC(2026, 10, 24);
      slot[EventField.BID_PRICE] = 100e8 + sequence * 1e6;
      slot[EventField.BID_SIZE] = 1e8;
      deliver?.(0, slot, 0);
    },
  };
}

describe('EventPublisher', () => {
  it('retries a batch the bus refused before any later one, so every event arrives once and in order', async () => {
    const engine = fakeEngine();
    const received: TradingEvent[] = [];
    let failures = 3;
    const bus = {
      publish: (events: readonly TradingEvent[]): Promise<void> => {
        if (failures-- > 0) return Promise.reject(new Error('broker unavailable'));
        received.push(...events);
        return Promise.resolve();
      },
    };
    const publisher = new EventPublisher(engine, {
      bus,
      logger: pino({ level: 'silent' }),
      retryDelayMs: 1,
      maxBatchSize: 50,
    });
    for (let sequence = 1; sequence <= 500; sequence++) engine.emitQuote(sequence);
    await publisher.close();
    expect(received.map((event) => event.sequence)).toEqual(Array.from({ length: 500 }, (_, i) => i + 1));
    expect(received[0]?.payload).toMatchObject({
      symbol: 'AAPL',
      bidPrice: '100.01',
      bidSize: '1',
      askPrice: null,
    });
    expect(publisher.published).toBe(500);
  });

  it('tells when every event of a shard up to a sequence is on the bus, so a snapshot may cover it', async () => {
    const engine = fakeEngine();
    const batches: { sequences: number[]; accept: () => void }[] = [];
    const bus = {
      publish: (events: readonly TradingEvent[]): Promise<void> =>
        new Promise<void>((accept) => batches.push({ sequences: events.map((event) => event.sequence), accept })),
    };
    const publisher = new EventPublisher(engine, { bus, logger: pino({ level: 'silent' }), maxBatchSize: 2 });
    const confirmed: number[] = [];
    const watch = (sequence: number): Promise<void> =>
      publisher.whenPublished(0, sequence).then(() => void confirmed.push(sequence));
    await watch(0);
    for (let sequence = 1; sequence <= 4; sequence++) engine.emitQuote(sequence);
    const watched = Promise.all([watch(1), watch(3), watch(4)]);
    await vi.waitFor(() => expect(batches).toHaveLength(1));
    expect(batches[0]?.sequences).toEqual([1, 2]);
    expect(confirmed).toEqual([0]);
    batches[0]?.accept();
    await vi.waitFor(() => expect(batches).toHaveLength(2));
    expect(confirmed).toEqual([0, 1]);
    batches[1]?.accept();
    await watched;
    expect(confirmed).toEqual([0, 1, 3, 4]);
    await publisher.close();
  });

  it('reports overflow once when the bus cannot keep up, instead of dropping events silently', () => {
    const engine = fakeEngine();
    const overflows: Error[] = [];
    const stalledBus = { publish: (): Promise<void> => new Promise<void>(() => undefined) };
    const publisher = new EventPublisher(engine, {
      bus: stalledBus,
      logger: pino({ level: 'silent' }),
      maxBufferedEvents: 100,
      onOverflow: (error) => overflows.push(error),
    });
    for (let sequence = 1; sequence <= 150; sequence++) engine.emitQuote(sequence);
    expect(publisher.backlog).toBe(100);
    expect(overflows).toHaveLength(1);
    expect(overflows[0]?.message).toMatch(/event bus too slow/);
  });
});
