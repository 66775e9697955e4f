/**
 * Collects what a handler receives and waits for a condition on it with a timeout: tests wait
 * on the events they expect, never on a clock.
 */
import type { Delivery, EventHandler, TradingEvent } from '../src/index.js';

export interface Received {
  readonly event: TradingEvent;
  readonly delivery: Delivery;
}

export class ReceivedEvents {
  readonly all: Received[] = [];
  #waiters = new Set<() => void>();

  /** A handler recording each event, then running `then` (which may throw to fail delivery). */
  handler(then?: (event: TradingEvent, delivery: Delivery) => void | Promise<void>): EventHandler {
    return async (event, delivery) => {
      await then?.(event, delivery);
      this.all.push({ event, delivery });
      for (const wake of this.#waiters) wake();
    };
  }

  get events(): TradingEvent[] {
    return this.all.map((received) => received.event);
  }

  /** Resolves once `condition` holds; rejects after `timeoutMs` saying what was received. */
  until(
    condition: (received: readonly Received[]) => boolean,
    timeoutMs: number,
    what = 'events',
  ): Promise<void> {
    if (condition(this.all)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const wake = (): void => {
        if (!condition(this.all)) return;
        cleanup();
        resolve();
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; received ${this.all.length}`));
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        this.#waiters.delete(wake);
      };
      this.#waiters.add(wake);
    });
  }

  /** Waits until at least `count` events arrived. */
  atLeast(count: number, timeoutMs: number): Promise<void> {
    return this.until((received) => received.length >= count, timeoutMs, `${count} events`);
  }
}
