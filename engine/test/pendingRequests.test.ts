import { describe, expect, it } from 'vitest';
import { PendingRequests, type PendingEntry } from '../src/shard/pendingRequests.js';

function entry(first: number, last: number, log: string[]): PendingEntry {
  return {
    firstRequestId: first,
    lastRequestId: last,
    onEvent: (slots, at) => log.push(`${first}:event ${slots[at]}`),
    onDone: () => log.push(`${first}:done`),
  };
}

describe('pending request correlation', () => {
  it('routes events to the head and completes entries passed by a later id or a batch marker', () => {
    const log: string[] = [];
    const pending = new PendingRequests();
    pending.add(entry(1, 1, log));
    pending.add(entry(3, 5, log));
    pending.add(entry(7, 7, log));
    const slot = new Float64Array([42]);
    pending.onEvent(1, slot, 0);
    pending.onEvent(2, slot, 0); // a command nobody waits for: completes 1, reaches nobody
    pending.onEvent(4, slot, 0);
    pending.onBatchDone(5);
    expect(log).toEqual(['1:event 42', '1:done', '3:event 42', '3:done']);
    expect(pending.size).toBe(1);
    pending.onBatchDone(7);
    expect(pending.size).toBe(0);
  });

  it('stays O(1) and correct over many entries', () => {
    const pending = new PendingRequests();
    let done = 0;
    for (let id = 1; id <= 100_000; id++) pending.add({ firstRequestId: id, lastRequestId: id, onEvent: () => undefined, onDone: () => void done++ });
    for (let id = 1; id <= 100_000; id++) pending.onEvent(id, new Float64Array(1), 0);
    pending.onBatchDone(100_000);
    expect(done).toBe(100_000);
  });
});
