import type { ExecutionResult } from 'graphql';
import { encodeNextTail } from './protocol.js';

/** One completed event of a shared stream, as every subscriber of that stream receives it. */
export class SharedEvent {
  #nextTail: Buffer | undefined;

  constructor(readonly result: ExecutionResult) {}

  /** The payload half of a `next` frame, serialised on first use and then shared by all. */
  get nextTail(): Buffer {
    return (this.#nextTail ??= encodeNextTail(this.result));
  }
}

/**
 * A subscriber of a shared stream. Called synchronously, in order, on the thread that completed
 * the event: a listener must not block (it writes a frame, or queues the event itself).
 */
export interface SubscriptionListener {
  next(event: SharedEvent): void;
  /** The stream ended: normally (no error) or because the upstream failed. Called at most once. */
  complete(error?: unknown): void;
}

export type Unsubscribe = () => void;

/** What a stream is of, for metrics: its root field, and a counter of events handed to listeners. */
export interface StreamTally {
  readonly field: string;
  readonly delivered: { inc(count: number): void };
}

const UNTALLIED: StreamTally = { field: '', delivered: { inc: () => undefined } };

/**
 * Shares one upstream subscription between every client that subscribed the same operation with
 * the same variables and caller: the primary subscription is opened once, each event is completed
 * through the supergraph once and serialised once, then handed to every listener in one loop —
 * no per-subscriber promise or iterator. This is what lets one gateway serve 10,000 subscribers
 * of the same stream.
 */
export class SubscriptionHub {
  private readonly streams = new Map<string, SharedStream>();

  /** Number of distinct upstream subscriptions currently open. */
  get size(): number {
    return this.streams.size;
  }

  /** Number of listeners across all streams (client subscriptions being served). */
  get listenerCount(): number {
    let count = 0;
    for (const stream of this.streams.values()) count += stream.size;
    return count;
  }

  /** Listeners by the root field of their stream's tally, added to `counts`. */
  countListenersByField(counts: Map<string, number>): Map<string, number> {
    for (const stream of this.streams.values())
      counts.set(stream.tally.field, (counts.get(stream.tally.field) ?? 0) + stream.size);
    return counts;
  }

  /**
   * Adds `listener` to the stream under `key`, opening it with `open` if it is not live; a new
   * stream counts its deliveries in `tally`.
   */
  subscribe(
    key: string,
    open: () => AsyncIterator<ExecutionResult>,
    listener: SubscriptionListener,
    tally: StreamTally = UNTALLIED,
  ): Unsubscribe {
    let stream = this.streams.get(key);
    if (!stream) {
      const created = new SharedStream(open(), tally, () => {
        if (this.streams.get(key) === created) this.streams.delete(key);
      });
      this.streams.set(key, created);
      stream = created;
    }
    const joined = stream;
    joined.add(listener);
    return () => joined.remove(listener);
  }
}

class SharedStream {
  private readonly listeners = new Set<SubscriptionListener>();
  private finished = false;

  constructor(
    private readonly source: AsyncIterator<ExecutionResult>,
    readonly tally: StreamTally,
    private readonly onFinished: () => void,
  ) {
    void this.pump();
  }

  get size(): number {
    return this.listeners.size;
  }

  add(listener: SubscriptionListener): void {
    this.listeners.add(listener);
  }

  remove(listener: SubscriptionListener): void {
    if (!this.listeners.delete(listener)) return;
    if (this.listeners.size === 0) this.finish();
  }

  private async pump(): Promise<void> {
    let failure: unknown;
    try {
      for (;;) {
        const next = await this.source.next();
        if (next.done || this.finished) break;
        const event = new SharedEvent(next.value);
        // A listener may remove itself (or another) while we iterate; Set iteration allows that.
        let delivered = 0;
        for (const listener of this.listeners) if (this.deliver(listener, event)) delivered++;
        // One increment per event, not per listener: fan-out to 10,000 stays one loop of writes.
        this.tally.delivered.inc(delivered);
      }
    } catch (error) {
      failure = error ?? new Error('subscription source failed');
    }
    const listeners = [...this.listeners];
    this.listeners.clear();
    this.finish();
    for (const listener of listeners) listener.complete(failure);
  }

  /** A listener that throws loses its subscription, not the other listeners their event. */
  private deliver(listener: SubscriptionListener, event: SharedEvent): boolean {
    try {
      listener.next(event);
      return true;
    } catch (error) {
      this.remove(listener);
      listener.complete(error);
      return false;
    }
  }

  private finish(): void {
    if (this.finished) return;
    this.finished = true;
    this.onFinished();
    void this.source.return?.();
  }
}
