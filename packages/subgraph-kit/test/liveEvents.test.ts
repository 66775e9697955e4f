import { describe, expect, it } from 'vitest';
import { InProcessEventBus, type EventBus } from '@mib/events';
import { quote } from '@mib/events/testing';
import { silentLogger } from '@mib/telemetry';
import { LiveEvents } from '../src/index.js';

const logger = silentLogger();

/** An in-process bus whose first `subscribe` fails, as a broker that is not up yet would. */
function busFailingFirstJoin(): EventBus & { joins: number } {
  const bus = new InProcessEventBus({ logger, partitions: 1 });
  const failing = Object.assign(Object.create(bus) as InProcessEventBus, { joins: 0 });
  failing.subscribe = (options) =>
    ++failing.joins === 1 ? Promise.reject(new Error('broker not reachable')) : bus.subscribe(options);
  failing.publish = (events) => bus.publish(events);
  failing.close = () => bus.close();
  return failing;
}

describe('LiveEvents', () => {
  it('joins the bus again after a failed first join, so later subscribers get events', async () => {
    const bus = busFailingFirstJoin();
    const live = new LiveEvents(bus, { name: 'test', topics: ['quotes'] });
    await expect(live.start()).rejects.toThrow('broker not reachable');

    const stream = live.stream(
      () => true,
      (event) => event.sequence,
    );
    const first = stream.next();
    await new Promise(setImmediate);
    await bus.publish([quote('AAPL', 7)]);
    expect(await first).toEqual({ value: 7, done: false });
    expect(bus.joins).toBe(2);
    await stream.return?.();
    await bus.close();
  });

  it('ends the stream of a subscriber too far behind, and keeps serving the others', async () => {
    await using bus = new InProcessEventBus({ logger, partitions: 1 });
    const live = new LiveEvents(bus, { name: 'test', topics: ['quotes'], maxWaitingPerSubscriber: 5 });
    const stalled = live.stream(
      () => true,
      (event) => event.sequence,
    );
    const reading = live.stream(
      () => true,
      (event) => event.sequence,
    );
    // Asking for the first value starts each stream; a macrotask later both listen.
    const stalledFirst = stalled.next();
    let next = reading.next();
    await new Promise(setImmediate);

    // The reading subscriber takes each event before the next is published; the stalled one never.
    const read = [];
    for (let sequence = 1; sequence <= 20; sequence++) {
      await bus.publish([quote('AAPL', sequence)]);
      read.push((await next).value);
      next = reading.next();
    }
    expect(read).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));

    // The stalled one gets what fitted, then the reason its stream ended.
    expect((await stalledFirst).value).toBe(1);
    await expect(
      (async () => {
        for (;;) if ((await stalled.next()).done) return;
      })(),
    ).rejects.toThrow('fell 5 events behind');
    await reading.return?.();
  });

  it('tells each event once when the bus delivers it again, per stream', async () => {
    await using bus = new InProcessEventBus({ logger, partitions: 1 });
    const live = new LiveEvents(bus, { name: 'test', topics: ['quotes'] });
    const stream = live.stream(
      () => true,
      (event) => `${event.key}/${event.shard}#${event.sequence}`,
    );
    const first = stream.next();
    await new Promise(setImmediate);

    // A redelivery repeats sequences already told; the same sequence of another stream is new.
    await bus.publish([quote('AAPL', 1), quote('AAPL', 2)]);
    await bus.publish([
      quote('AAPL', 1),
      quote('AAPL', 2),
      quote('MSFT', 2),
      quote('AAPL', 2, 1),
      quote('AAPL', 3),
    ]);
    const told = [(await first).value];
    for (let count = 1; count < 5; count++) told.push((await stream.next()).value);
    expect(told).toEqual(['AAPL/0#1', 'AAPL/0#2', 'MSFT/0#2', 'AAPL/1#2', 'AAPL/0#3']);
    await stream.return?.();
  });
});
