/**
 * Coalesces many small `publish` calls into few large ones. kafkajs sends each `sendBatch` as
 * its own request and a request costs about a millisecond of round trip with acks=all, so a
 * producer that emits events one command at a time (the engine's shards) gets 30x the
 * throughput by handing them here (see bench/produce.ts).
 *
 * Order is kept: batches go out one at a time, in the order events were added. When the bus fails
 * a batch, every call made before that failure fails with it, even those already cut into later
 * batches: sending them would put later events on the bus ahead of the failed ones, and a caller
 * that retries the failed events (the engine's EventPublisher) would then publish them after
 * their successors, breaking per-key order; consumers that deduplicate on sequence would drop
 * them. Calls made after the failure (a retry among them) go out as usual.
 */
import type { EventBus } from './eventBus.js';
import type { TradingEvent } from './eventSchema.js';
import { parseEvent } from './parseEvent.js';

export interface BatchingPublisherOptions {
  /** Most events per `publish` call on the bus (default 1000). A full batch goes out at once. */
  readonly maxBatchSize?: number;
  /** How long the first queued event waits for company before its batch goes out (default 2 ms). */
  readonly lingerMs?: number;
}

/** The calls made since the bus last failed a batch; that failure ends the era. */
interface Era {
  failure?: { readonly error: unknown };
}

interface Pending {
  readonly events: readonly TradingEvent[];
  readonly era: Era;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

export class BatchingPublisher {
  readonly #bus: Pick<EventBus, 'publish'>;
  readonly #maxBatchSize: number;
  readonly #lingerMs: number;
  #queue: Pending[] = [];
  #queued = 0;
  #timer: NodeJS.Timeout | undefined;
  /** The batch on the wire, if any; the next one starts only after it settled. */
  #sending: Promise<void> = Promise.resolve();
  #era: Era = {};

  constructor(bus: Pick<EventBus, 'publish'>, options: BatchingPublisherOptions = {}) {
    this.#bus = bus;
    this.#maxBatchSize = options.maxBatchSize ?? 1000;
    this.#lingerMs = options.lingerMs ?? 2;
  }

  /**
   * Validates and queues events; resolves once the bus accepted the batch holding them. An
   * invalid event rejects this call alone (`EventValidationError`), before anything is queued;
   * a batch the bus fails rejects every call whose events it held, and every call made before
   * that failure that is still waiting, with the bus's error.
   */
  async publish(events: readonly TradingEvent[]): Promise<void> {
    if (events.length === 0) return;
    for (const event of events) parseEvent(event);
    // Everything up to the await runs synchronously, so calls queue in the order they are made.
    const era = this.#era;
    const published = new Promise<void>((resolve, reject) =>
      this.#queue.push({ events, era, resolve, reject }),
    );
    this.#queued += events.length;
    if (this.#queued >= this.#maxBatchSize) this.#sendQueued();
    else this.#timer ??= setTimeout(() => this.#sendQueued(), this.#lingerMs);
    await published;
  }

  /** Sends what is queued now and resolves when everything added so far is settled. */
  async flush(): Promise<void> {
    this.#sendQueued();
    await this.#sending;
  }

  #sendQueued(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#queue.length === 0) return;
    const batch = this.#queue;
    this.#queue = [];
    this.#queued = 0;
    this.#sending = this.#sending.then(() => this.#send(batch));
  }

  /** Publishes the batch's calls of the current era; calls of an ended era fail as it did. */
  async #send(batch: readonly Pending[]): Promise<void> {
    const current: Pending[] = [];
    for (const pending of batch) {
      if (pending.era.failure) pending.reject(pending.era.failure.error);
      else current.push(pending);
    }
    if (current.length === 0) return;
    try {
      await this.#bus.publish(current.flatMap((pending) => pending.events));
      for (const pending of current) pending.resolve();
    } catch (error) {
      // `current` is all of the current era (only this ends one). Ending it before any caller
      // hears of the failure puts calls made in reaction to it (a retry) in the next era.
      this.#era.failure = { error };
      this.#era = {};
      for (const pending of current) pending.reject(error);
    }
  }
}
