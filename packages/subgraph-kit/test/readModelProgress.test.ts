import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createEvent, type EventOf } from '@mib/events';
import { ReadModelProgress } from '../src/readModelProgress.js';

const trade = (sequence: number): EventOf<'trade'> =>
  createEvent(
    'trade',
    {
      tradeId: `AAPL-${sequence}`,
      symbol: 'AAPL',
      price: '1',
      quantity: '1',
      aggressorSide: null,
      taker: null,
      maker: null,
    },
    { source: 'engine', shard: 0, sequence, occurredAt: new Date(Date.UTC(2026, 10, 24)) },
  );

/** A read model whose mark of every stream is `mark`, counting how often it is read. */
function readModel(mark = 0) {
  const marks = { mark, reads: 0 };
  const progress = new ReadModelProgress('test', async () => {
    marks.reads += 1;
    return marks.mark;
  });
  return { progress, marks };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('ReadModelProgress.until', () => {
  it('gives up after 10 s by default, leaving no timer or waiter', async () => {
    const { progress } = readModel();
    const waiting = expect(progress.until(trade(1))).rejects.toThrow(
      'the test read model did not apply trades/AAPL/0#1 in time',
    );
    await vi.advanceTimersByTimeAsync(10_000);
    await waiting;
    expect(progress.waits).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('waits as long as it takes with no timeout, until the consumer applies the event', async () => {
    const { progress } = readModel();
    let done = false;
    const waiting = progress.until(trade(2), Infinity).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(done).toBe(false);
    progress.applied(trade(1));
    await vi.advanceTimersByTimeAsync(0);
    expect(done).toBe(false);
    progress.applied(trade(3));
    await waiting;
    expect(progress.waits).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('sees an event another replica applied in the marks, at once or at a recheck', async () => {
    const { progress, marks } = readModel(5);
    await progress.until(trade(5), Infinity);
    const later = progress.until(trade(6), Infinity);
    marks.mark = 6;
    await vi.advanceTimersByTimeAsync(250);
    await later;
    expect(marks.reads).toBe(3);
  });

  it('ends an abandoned wait with the reason, leaving no timer, waiter or further mark read', async () => {
    const { progress, marks } = readModel();
    const leaving = new AbortController();
    const waiting = expect(progress.until(trade(1), Infinity, leaving.signal)).rejects.toThrow('left');
    await vi.advanceTimersByTimeAsync(500);
    expect(progress.waits).toBe(1);
    const reads = marks.reads;
    leaving.abort(new Error('left'));
    await waiting;
    expect(progress.waits).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(marks.reads).toBe(reads);
  });

  it('does not start a wait that is abandoned already', async () => {
    const { progress, marks } = readModel();
    await expect(progress.until(trade(1), 1_000, AbortSignal.abort(new Error('gone')))).rejects.toThrow(
      'gone',
    );
    expect(marks.reads).toBe(0);
    expect(progress.waits).toBe(0);
  });
});

describe('ReadModelProgress.reached', () => {
  it('tells whether the mark is at or past a position, without waiting', async () => {
    const { progress } = readModel(4);
    expect(await progress.reached(trade(4))).toBe(true);
    expect(await progress.reached(trade(5))).toBe(false);
  });
});
