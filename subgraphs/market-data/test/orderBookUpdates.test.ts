import { Repeater, type Push } from '@repeaterjs/repeater';
import { describe, expect, it } from 'vitest';
import type { Instrument } from '@mib/db';
import type { OrderBookSnapshot } from '../src/data/orderBook.js';
import { orderBookUpdates } from '../src/live/orderBookUpdates.js';

const instrument = { symbol: 'AAPL' } as Instrument;

/** A change feed the test drives: `change()` resolves once the subscriber's watcher took it. */
function changeFeed() {
  let push: Push<number> | undefined;
  const changes = new Repeater<number>((pushChange) => {
    push = pushChange;
  });
  let count = 0;
  return { changes, change: () => push?.(++count) ?? Promise.reject(new Error('feed not started')) };
}

/** Snapshots numbered by load, each load held until the test releases it. */
function gatedLoads() {
  const started: (() => void)[] = [];
  const release: (() => void)[] = [];
  let loads = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  const nextStart = () => new Promise<void>((resolve) => started.push(resolve));
  let waitingStart = nextStart();
  const load = async (): Promise<OrderBookSnapshot> => {
    const number = ++loads;
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    const gate = new Promise<void>((resolve) => release.push(resolve));
    started.shift()?.();
    await gate;
    inFlight--;
    return { instrument, bids: [{ price: String(number), quantity: '1', orders: 1 }], asks: [] };
  };
  return {
    load,
    /** Resolves when the next load has started. */
    started: async () => {
      await waitingStart;
      waitingStart = nextStart();
    },
    releaseAll: () => release.splice(0).forEach((resolve) => resolve()),
    get loads() {
      return loads;
    },
    get maxInFlight() {
      return maxInFlight;
    },
  };
}

const priceOf = (result: IteratorResult<OrderBookSnapshot>) =>
  result.done ? undefined : result.value.bids[0]?.price;

describe('orderBookUpdates', () => {
  it('sends a snapshot at once and a fresh one after a change', async () => {
    const feed = changeFeed();
    const loads = gatedLoads();
    const snapshots = orderBookUpdates(feed.changes, loads.load);

    const first = snapshots.next();
    await loads.started();
    loads.releaseAll();
    expect(priceOf(await first)).toBe('1');

    const second = snapshots.next();
    await feed.change();
    await loads.started();
    loads.releaseAll();
    expect(priceOf(await second)).toBe('2');
    await snapshots.return?.();
  });

  it('folds a burst of changes into one more snapshot, with one load in flight at a time', async () => {
    const feed = changeFeed();
    const loads = gatedLoads();
    const snapshots = orderBookUpdates(feed.changes, loads.load);
    const first = snapshots.next();
    await loads.started();

    // 50 changes while the first load is still running: none of them starts another load.
    for (let change = 0; change < 50; change++) await feed.change();
    expect(loads.loads).toBe(1);
    loads.releaseAll();
    expect(priceOf(await first)).toBe('1');

    const second = snapshots.next();
    await loads.started();
    loads.releaseAll();
    expect(priceOf(await second)).toBe('2');
    expect(loads.loads).toBe(2);
    expect(loads.maxInFlight).toBe(1);
    await snapshots.return?.();
  });

  it('loads the next book only when a slow subscriber asks for it, so it gets the latest', async () => {
    const feed = changeFeed();
    const loads = gatedLoads();
    const snapshots = orderBookUpdates(feed.changes, loads.load);
    const first = snapshots.next();
    await loads.started();
    loads.releaseAll();
    expect(priceOf(await first)).toBe('1');

    // The subscriber is still busy with the first snapshot while the book changes three times.
    for (let change = 0; change < 3; change++) await feed.change();
    expect(loads.loads).toBe(1);

    const latest = snapshots.next();
    await loads.started();
    loads.releaseAll();
    expect(priceOf(await latest)).toBe('2');
    expect(loads.loads).toBe(2);
    await snapshots.return?.();
  });

  it('stops watching changes when the subscriber leaves', async () => {
    const feed = changeFeed();
    const loads = gatedLoads();
    const snapshots = orderBookUpdates(feed.changes, loads.load);
    const first = snapshots.next();
    await loads.started();
    loads.releaseAll();
    await first;
    await snapshots.return?.();
    expect(await feed.changes.next()).toEqual({ done: true, value: undefined });
  });
});
