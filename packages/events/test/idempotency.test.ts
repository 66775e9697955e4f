import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HighWaterMarks, isNewEvent, streamOf, type TradingEvent } from '../src/index.js';
import { orderAccepted, quote, trade } from '../src/testing.js';

describe('isNewEvent', () => {
  it('treats the first event of a stream as new', () => {
    expect(isNewEvent(undefined, quote('AAPL', 1))).toBe(true);
  });

  it('skips events at or below the high-water mark', () => {
    expect(isNewEvent(5, quote('AAPL', 5))).toBe(false);
    expect(isNewEvent(5, quote('AAPL', 4))).toBe(false);
    expect(isNewEvent(5, quote('AAPL', 6))).toBe(true);
  });
});

describe('streamOf', () => {
  it('separates topics, keys and shards, since a shard’s sequence interleaves across them', () => {
    const streams = new Set(
      [
        orderAccepted('AAPL', 1),
        trade('AAPL', 2),
        quote('AAPL', 3),
        quote('MSFT', 4),
        quote('AAPL', 5, 1),
      ].map(streamOf),
    );
    expect(streams.size).toBe(5);
    expect(streamOf(quote('AAPL', 3))).toBe(streamOf(quote('AAPL', 9)));
  });
});

/**
 * What a consumer sees: each stream's events in order, streams interleaved arbitrarily, and any
 * prefix of a stream delivered again (redelivery after a failure, or a replayed topic).
 */
const deliveries = fc
  .array(
    fc.record({
      symbol: fc.constantFrom('AAPL', 'MSFT', 'TSLA'),
      shard: fc.integer({ min: 0, max: 2 }),
      topic: fc.constantFrom('quotes', 'trades'),
    }),
    { maxLength: 60 },
  )
  .chain((specs) => {
    const nextSequence = new Map<number, number>();
    const produced = specs.map(({ symbol, shard, topic }) => {
      const sequence = (nextSequence.get(shard) ?? 0) + 1;
      nextSequence.set(shard, sequence);
      return topic === 'quotes' ? quote(symbol, sequence, shard) : trade(symbol, sequence, shard);
    });
    const byStream = new Map<string, TradingEvent[]>();
    for (const event of produced)
      byStream.set(streamOf(event), [...(byStream.get(streamOf(event)) ?? []), event]);
    const streams = [...byStream.values()];
    return fc
      .tuple(
        fc.array(fc.nat(), { minLength: streams.length, maxLength: streams.length }),
        fc.array(fc.nat({ max: streams.length }), { maxLength: 200 }),
      )
      .map(([redeliveredPrefixes, interleaving]) => {
        const queues = streams.map((stream, index) => [
          ...stream.slice(0, (redeliveredPrefixes[index] ?? 0) % (stream.length + 1)),
          ...stream,
        ]);
        const delivered: TradingEvent[] = [];
        for (const pick of interleaving) {
          const queue = queues[pick % Math.max(queues.length, 1)];
          const next = queue?.shift();
          if (next) delivered.push(next);
        }
        for (const queue of queues) delivered.push(...queue);
        return { produced, delivered };
      });
  });

describe('HighWaterMarks', () => {
  it('applies every event exactly once under redelivery and any interleaving of streams', () => {
    fc.assert(
      fc.property(deliveries, ({ produced, delivered }) => {
        const marks = new HighWaterMarks();
        const applied: TradingEvent[] = [];
        for (const event of delivered) {
          if (!marks.isNew(event)) continue;
          applied.push(event);
          marks.recordApplied(event);
        }
        const id = (event: TradingEvent) => `${event.shard}:${event.sequence}`;
        expect(applied.map(id).toSorted()).toEqual(produced.map(id).toSorted());
      }),
    );
  });

  it('leaves the mark alone until the event is recorded as applied', () => {
    const marks = new HighWaterMarks();
    const event = quote('AAPL', 3);
    expect(marks.isNew(event)).toBe(true);
    expect(marks.isNew(event)).toBe(true);
    marks.recordApplied(event);
    expect(marks.isNew(event)).toBe(false);
    expect(marks.get(streamOf(event))).toBe(3);
  });
});
