import { describe, expect, it } from 'vitest';
import { BatchingPublisher, EventValidationError, type EventBus, type TradingEvent } from '../src/index.js';
import { quote } from '../src/testing.js';

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

  it('fails the calls made before a batch failed along with it, so none overtakes it', async () => {
    const calls: TradingEvent[][] = [];
    let firstOnTheWire: (fail: (error: Error) => void) => void = () => undefined;
    const failFirst = new Promise<(error: Error) => void>((resolve) => (firstOnTheWire = resolve));
    const bus: Pick<EventBus, 'publish'> = {
      publish: (events) => {
        calls.push([...events]);
        if (calls.length > 1) return Promise.resolve();
        return new Promise((_resolve, reject) => firstOnTheWire(reject));
      },
    };
    const publisher = new BatchingPublisher(bus, { maxBatchSize: 2, lingerMs: 60_000 });
    const first = publisher.publish([quote('AAPL', 1), quote('AAPL', 2)]);
    // Cut into its own batch behind the first one while that is on the wire.
    const second = publisher.publish([quote('AAPL', 3), quote('AAPL', 4)]);
    // Still waiting for company in the queue.
    const third = publisher.publish([quote('AAPL', 5)]);
    (await failFirst)(new Error('broker unreachable'));
    const results = await Promise.allSettled([first, second, third, publisher.flush()]);

    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected', 'rejected', 'fulfilled']);
    for (const result of results.slice(0, 3)) {
      expect((result as PromiseRejectedResult).reason).toEqual(new Error('broker unreachable'));
    }
    expect(calls.flat().map((event) => event.sequence)).toEqual([1, 2]);

    // The caller saw the failure and publishes again, in order; that goes through.
    await publisher.publish([1, 2, 3, 4, 5].map((sequence) => quote('AAPL', sequence)));
    expect(
      calls
        .slice(1)
        .flat()
        .map((event) => event.sequence),
    ).toEqual([1, 2, 3, 4, 5]);
  });
});
