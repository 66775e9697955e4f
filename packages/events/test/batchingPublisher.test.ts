import { describe, expect, it } from 'vitest';
import { BatchingPublisher, EventValidationError, type EventBus, type TradingEvent } from '../src/index.js';
import { quote } from './sampleEvents.js';

/** A bus that records each publish call and lets the test decide when it completes. */
function recordingBus() {
  const calls: TradingEvent[][] = [];
  const bus: Pick<EventBus, 'publish'> = {
    publish: (events) => {
      calls.push([...events]);
      return Promise.resolve();
    },
  };
  return { bus, calls };
}

describe('BatchingPublisher', () => {
  it('coalesces calls made together into one publish, in order', async () => {
    const { bus, calls } = recordingBus();
    const publisher = new BatchingPublisher(bus, { lingerMs: 1 });
    const events = Array.from({ length: 30 }, (_, index) => quote('AAPL', index + 1));
    await Promise.all(events.map((event) => publisher.publish([event])));
    expect(calls).toEqual([events]);
  });

  it('sends a full batch without waiting and keeps the order across batches', async () => {
    const { bus, calls } = recordingBus();
    const publisher = new BatchingPublisher(bus, { maxBatchSize: 10, lingerMs: 60_000 });
    const events = Array.from({ length: 25 }, (_, index) => quote('AAPL', index + 1));
    const first = Promise.all(events.slice(0, 20).map((event) => publisher.publish([event])));
    await first;
    expect(calls.map((call) => call.length)).toEqual([10, 10]);
    const rest = publisher.publish(events.slice(20));
    await publisher.flush();
    await rest;
    expect(calls.flat()).toEqual(events);
  });

  it('rejects a call with an invalid event alone', async () => {
    const { bus, calls } = recordingBus();
    const publisher = new BatchingPublisher(bus, { lingerMs: 1 });
    const malformed = { ...quote('AAPL', 2), sequence: 0 } as TradingEvent;
    const results = await Promise.allSettled([
      publisher.publish([quote('AAPL', 1)]),
      publisher.publish([malformed]),
      publisher.publish([quote('AAPL', 3)]),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(EventValidationError);
    expect(calls.flat().map((event) => event.sequence)).toEqual([1, 3]);
  });

  it('rejects every call of a batch the bus failed, and carries on', async () => {
    const calls: number[] = [];
    const bus: Pick<EventBus, 'publish'> = {
      publish: (events) => {
        calls.push(events.length);
        return calls.length === 1 ? Promise.reject(new Error('broker unreachable')) : Promise.resolve();
      },
    };
    const publisher = new BatchingPublisher(bus, { lingerMs: 1 });
    const failed = [publisher.publish([quote('AAPL', 1)]), publisher.publish([quote('AAPL', 2)])];
    await expect(failed[0]).rejects.toThrow('broker unreachable');
    await expect(failed[1]).rejects.toThrow('broker unreachable');
    await publisher.publish([quote('AAPL', 3)]);
    expect(calls).toEqual([2, 1]);
  });
});
