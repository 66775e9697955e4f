import { Repeater } from '@repeaterjs/repeater';

/**
 * Counts open subscriptions of a subgraph, so readiness checks and tests can wait until a
 * subscriber is listening instead of sleeping.
 */
export class SubscriberCount {
  private count = 0;
  private readonly watchers = new Set<() => void>();

  /** Subscriptions whose event listener is registered now. */
  get current(): number {
    return this.count;
  }

  /** Resolves once exactly `count` subscriptions are open. */
  when(count: number): Promise<void> {
    return new Promise((resolve) => {
      const check = () => {
        if (this.count !== count) return;
        this.watchers.delete(check);
        resolve();
      };
      this.watchers.add(check);
      check();
    });
  }

  /** `stream`, counted from its first pull until it ends. */
  track<T>(stream: AsyncIterableIterator<T>): AsyncIterableIterator<T> {
    return new Repeater<T>(async (push, stop) => {
      let next = stream.next();
      // The first pull registers the `LiveEvents` listener within a few microtasks; counting on
      // the next macrotask means a counted subscriber can no longer miss an event.
      setImmediate(() => this.change(+1));
      try {
        for (;;) {
          const result = await Promise.race([next, stop]);
          if (result === undefined || result.done === true) break;
          await push(result.value);
          next = stream.next();
        }
      } finally {
        await stream.return?.();
        setImmediate(() => this.change(-1));
      }
    });
  }

  private change(by: number): void {
    this.count += by;
    for (const watcher of [...this.watchers]) watcher();
  }
}
