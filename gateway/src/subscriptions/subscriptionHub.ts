import { FixedBuffer, Repeater } from '@repeaterjs/repeater';
import type { ExecutionResult } from 'graphql';

/** Events a client may fall behind by before its subscription is ended (never silently skipped). */
export const MAX_PENDING_EVENTS_PER_CLIENT = 1_000;

interface Listener {
  push(result: ExecutionResult): Promise<unknown>;
  stop(error?: unknown): unknown;
}

/**
 * Shares one upstream subscription between every client that subscribed the same operation with
 * the same variables and identity: the primary subscription is opened once, each event is
 * completed through the supergraph once, and the finished payload is fanned out to all of them.
 * This is what lets one gateway serve 10,000 subscribers of the same quotes.
 */
export class SubscriptionHub {
  private readonly streams = new Map<string, SharedStream>();

  /** Number of distinct upstream subscriptions currently open. */
  get size(): number {
    return this.streams.size;
  }

  subscribe(key: string, open: () => AsyncIterator<ExecutionResult>): AsyncIterableIterator<ExecutionResult> {
    return new Repeater<ExecutionResult>(async (push, stop) => {
      let stream = this.streams.get(key);
      if (!stream) {
        const created = new SharedStream(open(), () => {
          if (this.streams.get(key) === created) this.streams.delete(key);
        });
        this.streams.set(key, created);
        stream = created;
      }
      const listener: Listener = { push, stop };
      stream.add(listener);
      await stop;
      stream.remove(listener);
    }, new FixedBuffer(MAX_PENDING_EVENTS_PER_CLIENT));
  }
}

class SharedStream {
  private readonly listeners = new Set<Listener>();
  private finished = false;

  constructor(
    private readonly source: AsyncIterator<ExecutionResult>,
    private readonly onFinished: () => void,
  ) {
    void this.pump();
  }

  add(listener: Listener): void {
    this.listeners.add(listener);
  }

  remove(listener: Listener): void {
    this.listeners.delete(listener);
    if (this.listeners.size === 0) this.finish();
  }

  private async pump(): Promise<void> {
    let failure: unknown;
    try {
      for (;;) {
        const next = await this.source.next();
        if (next.done || this.finished) break;
        for (const listener of this.listeners) {
          // A client whose buffer is full is ended with an error rather than skipped silently.
          listener
            .push(next.value)
            .catch(() => listener.stop(new Error('subscriber is too slow; events would be lost')));
        }
      }
    } catch (error) {
      failure = error;
    }
    for (const listener of this.listeners) listener.stop(failure);
    this.finish();
  }

  private finish(): void {
    if (this.finished) return;
    this.finished = true;
    this.onFinished();
    void this.source.return?.();
  }
}
