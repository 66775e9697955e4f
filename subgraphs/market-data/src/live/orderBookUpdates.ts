import { Repeater } from '@repeaterjs/repeater';
import type { OrderBookSnapshot } from '../data/orderBook.js';

/**
 * Order-book snapshots for one subscriber: one at once, then a fresh one after each of `changes`
 * (the symbol's quotes and trades). A change only marks the book stale; while a snapshot is being
 * loaded or waits for the subscriber to take it, further changes fold into the next one. So at
 * most one snapshot is in flight per subscriber, a burst costs one engine call, and a slow
 * subscriber receives the latest book rather than a backlog.
 */
export function orderBookUpdates(
  changes: AsyncIterator<unknown>,
  loadSnapshot: () => Promise<OrderBookSnapshot>,
): AsyncIterableIterator<OrderBookSnapshot> {
  return new Repeater<OrderBookSnapshot>(async (push, stop) => {
    let stale = true;
    let refreshing = false;
    const refresh = async () => {
      refreshing = true;
      while (stale) {
        stale = false;
        // Resolves once the subscriber asks for the next value: the one-in-flight bound.
        await push(await loadSnapshot());
      }
      refreshing = false;
    };
    const markStale = () => {
      stale = true;
      if (!refreshing) refresh().catch(stop);
    };
    markStale();
    const watch = async () => {
      while (!(await changes.next()).done) markStale();
    };
    watch().catch(stop);
    await stop;
    await changes.return?.();
  });
}
