import { Repeater } from '@repeaterjs/repeater';
import type { ExecutionResult } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  SubscriptionHub,
  type SharedEvent,
  type SubscriptionListener,
} from '../../src/subscriptions/subscriptionHub.js';

/** A source the test drives by hand, with a flag telling whether it was closed. */
function manualSource() {
  const state = {
    closed: false,
    push: (_result: ExecutionResult): void => undefined,
    fail: (_error: Error): void => undefined,
  };
  const source = new Repeater<ExecutionResult>(async (push, stop) => {
    state.push = (result) => void push(result);
    state.fail = (error) => stop(error);
    await stop;
    state.closed = true;
  });
  return { source, state };
}

/** A listener recording what it got; `done` settles when its stream ends. */
function recorder() {
  const events: SharedEvent[] = [];
  let complete!: (error: unknown) => void;
  const done = new Promise<unknown>((resolve) => (complete = resolve));
  const listener: SubscriptionListener = {
    next: (event) => void events.push(event),
    complete: (error) => complete(error),
  };
  return { events, done, listener };
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('SubscriptionHub', () => {
  it('opens one source per key and hands every listener the same event, serialised once', async () => {
    const hub = new SubscriptionHub();
    const { source, state } = manualSource();
    let opened = 0;
    const open = () => (opened++, source);
    const [a, b] = [recorder(), recorder()];
    hub.subscribe('k', open, a.listener);
    hub.subscribe('k', open, b.listener);
    await nextTurn();
    state.push({ data: { n: 1 } });
    await nextTurn();
    expect(opened).toBe(1);
    expect(a.events[0]).toBe(b.events[0]);
    expect(a.events[0]?.nextTail.toString()).toBe('{"data":{"n":1}}}');
    expect(a.events[0]?.nextTail).toBe(b.events[0]?.nextTail);
  });

  it('closes the source when the last listener leaves', async () => {
    const hub = new SubscriptionHub();
    const { source, state } = manualSource();
    const leave = [recorder(), recorder()].map(({ listener }) => hub.subscribe('k', () => source, listener));
    await nextTurn();
    leave[0]?.();
    await nextTurn();
    expect(state.closed).toBe(false);
    leave[1]?.();
    await nextTurn();
    expect(state.closed).toBe(true);
    expect(hub.size).toBe(0);
  });

  it('ends a listener that throws, and still serves the others', async () => {
    const hub = new SubscriptionHub();
    const { source, state } = manualSource();
    const failing: SubscriptionListener & { ended?: unknown } = {
      next: () => {
        throw new Error('socket gone');
      },
      complete: (error) => (failing.ended = error),
    };
    const healthy = recorder();
    hub.subscribe('k', () => source, failing);
    hub.subscribe('k', () => source, healthy.listener);
    await nextTurn();
    state.push({ data: { n: 1 } });
    state.push({ data: { n: 2 } });
    await nextTurn();
    expect(failing.ended).toMatchObject({ message: 'socket gone' });
    expect(healthy.events.map((event) => event.result)).toEqual([{ data: { n: 1 } }, { data: { n: 2 } }]);
  });

  it('ends every listener with the error when the source fails', async () => {
    const hub = new SubscriptionHub();
    const { source, state } = manualSource();
    const listeners = [recorder(), recorder()];
    for (const { listener } of listeners) hub.subscribe('k', () => source, listener);
    await nextTurn();
    state.fail(new Error('upstream closed'));
    for (const { done } of listeners) expect(await done).toMatchObject({ message: 'upstream closed' });
    expect(hub.listenerCount).toBe(0);
  });
});
