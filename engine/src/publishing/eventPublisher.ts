import {
  BatchingPublisher,
  EventValidationError,
  parseEvent,
  type EventBus,
  type TradingEvent,
} from '@mib/events';
import type { Logger } from 'pino';
import { decodeEvent, EVENT_SLOT_SIZE, EventField } from '../core/index.js';
import type { ShardedEngine } from '../shard/shardedEngine.js';
import { EventSlotQueue } from './eventSlotQueue.js';
import { ShardEventMapper, type EventNames } from './tradingEvents.js';

export interface EventPublisherOptions {
  readonly bus: Pick<EventBus, 'publish'>;
  readonly logger: Logger;
  /**
   * Events held while the bus is slower than the engine (128 bytes each). Default 1 000 000
   * (128 MiB), about ten seconds of the engine's peak rate. Beyond it the publisher fails loudly
   * (`onOverflow`) instead of dropping anything.
   */
  readonly maxBufferedEvents?: number;
  /** Most events per `publish` call. Default 2 000. */
  readonly maxBatchSize?: number;
  /** First retry delay after the bus failed a batch, doubling up to 5 s. Default 100 ms. */
  readonly retryDelayMs?: number;
  /** Called once when the buffer is full; the engine must stop taking commands (server.ts closes it). */
  readonly onOverflow?: (error: Error) => void;
}

/**
 * The part of the engine the publisher reads: its live event stream, its id ↔ name tables, and
 * where each shard's sequence stood when publishing began.
 */
export type PublishedEngine = Pick<ShardedEngine, 'subscribe' | 'shardCount' | 'registry' | 'accounts' | 'histories'>;

const MAX_RETRY_DELAY_MS = 5_000;

/**
 * Publishes every event the engine's shards produce, in each shard's sequence order, to the
 * event bus through a BatchingPublisher. Events are copied off the hot path as raw slots, mapped
 * to TradingEvents in batches, and sent one batch at a time: a batch the bus fails is retried
 * (with backoff) before any later one, so per-shard order holds and consumers deduplicating on
 * sequence never see a later event first and drop an earlier one.
 */
export class EventPublisher {
  private readonly queue: EventSlotQueue;
  private readonly mappers: readonly ShardEventMapper[];
  private readonly batcher: BatchingPublisher;
  private readonly logger: Logger;
  private readonly maxBatchSize: number;
  private readonly retryDelayMs: number;
  private readonly onOverflow: ((error: Error) => void) | undefined;
  private readonly unsubscribe: () => void;
  private pumping: Promise<void> | undefined;
  private overflow: Error | undefined;
  /** Per shard, the sequence up to which every event is on the bus (or was left out, see pump). */
  private readonly confirmed: number[];
  /** Per shard, `whenPublished` calls waiting for `confirmed` to reach their sequence. */
  private readonly waiting: { sequence: number; resolve: () => void }[][];
  /** Events accepted by the bus. */
  published = 0;
  /** Events with no place in the protocol (see ShardEventMapper.map). */
  unmapped = 0;

  constructor(engine: PublishedEngine, options: EventPublisherOptions) {
    this.logger = options.logger.child({ component: 'event-publisher' });
    this.queue = new EventSlotQueue(options.maxBufferedEvents ?? 1_000_000);
    this.maxBatchSize = options.maxBatchSize ?? 2_000;
    this.retryDelayMs = options.retryDelayMs ?? 100;
    this.onOverflow = options.onOverflow;
    this.batcher = new BatchingPublisher(options.bus, { maxBatchSize: this.maxBatchSize, lingerMs: 1 });
    const names: EventNames = {
      symbolOf: (symbolId) => engine.registry.bySymbolId(symbolId)?.symbol ?? '',
      accountOf: (accountId) => engine.accounts.nameOf(accountId),
    };
    this.mappers = Array.from(
      { length: engine.shardCount },
      (_, shard) => new ShardEventMapper(shard, names),
    );
    // Events before the live subscription are not this publisher's: a restored shard's came
    // before its snapshot, which was stored only once they were on the bus.
    this.confirmed = Array.from({ length: engine.shardCount }, (_, shard) => engine.histories[shard]?.lastSequence ?? 0);
    this.waiting = Array.from({ length: engine.shardCount }, () => []);
    const subscription = engine.subscribe(
      new Map(),
      { symbolIds: new Set(), accountIds: new Set(), types: new Set() },
      (shard, slots, offset) => this.enqueue(shard, slots, offset),
    );
    if (typeof subscription !== 'function') throw new Error('live subscription refused');
    this.unsubscribe = subscription;
  }

  /** The sequence up to which every event of `shard` is on the bus (the publish lag's other end). */
  confirmedSequence(shard: number): number {
    return this.confirmed[shard] ?? 0;
  }

  /** Events waiting for the bus. */
  get backlog(): number {
    return this.queue.size;
  }

  /**
   * Resolves once every event of `shard` up to `sequence` has been accepted by the bus (durable
   * there: Kafka acknowledged it), or left out as unpublishable. The journal waits on this before
   * it stores a snapshot (EngineDurability).
   */
  whenPublished(shard: number, sequence: number): Promise<void> {
    if (sequence <= (this.confirmed[shard] ?? Infinity)) return Promise.resolve();
    return new Promise((resolve) => this.waiting[shard]!.push({ sequence, resolve }));
  }

  /** Stops listening, then resolves once everything received before is on the bus. */
  async close(): Promise<void> {
    this.unsubscribe();
    while (this.pumping !== undefined) await this.pumping;
    await this.batcher.flush();
  }

  private enqueue(shard: number, slots: Float64Array, offset: number): void {
    if (!this.queue.push(shard, slots, offset)) {
      this.fail(shard, slots, offset);
      return;
    }
    // Start a round after the current drain of the event rings, so one publish carries it all.
    this.pumping ??= new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.pump())
      .finally(() => (this.pumping = undefined));
  }

  private async pump(): Promise<void> {
    while (this.queue.size > 0) {
      const events: TradingEvent[] = [];
      /** Highest sequence per shard in this batch, unmapped events included. */
      const lastSequences = new Map<number, number>();
      this.queue.shift(Math.min(this.queue.size, this.maxBatchSize), (shard, slots, slotIndex) => {
        lastSequences.set(shard, slots[slotIndex * EVENT_SLOT_SIZE + EventField.SEQUENCE]!);
        const event = this.mappers[shard]!.map(decodeEvent(slots, slotIndex));
        if (event === undefined) this.unmapped++;
        else events.push(event);
      });
      await this.publishUntilAccepted(events);
      this.published += events.length;
      for (const [shard, sequence] of lastSequences) this.confirm(shard, sequence);
    }
  }

  /** Batches go out one at a time in queue order, so a shard's events up to `sequence` are all on the bus. */
  private confirm(shard: number, sequence: number): void {
    this.confirmed[shard] = sequence;
    const waiting = this.waiting[shard]!;
    this.waiting[shard] = waiting.filter((waiter) => waiter.sequence > sequence);
    for (const waiter of waiting) if (waiter.sequence <= sequence) waiter.resolve();
  }

  /** Retries a failed batch until the bus takes it; nothing later is sent meanwhile. */
  private async publishUntilAccepted(events: TradingEvent[]): Promise<void> {
    let delay = this.retryDelayMs;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.batcher.publish(events);
        return;
      } catch (error) {
        if (error instanceof EventValidationError) {
          events = this.withoutInvalid(events);
          continue;
        }
        this.logger.error(
          { err: error, attempt, events: events.length, backlog: this.queue.size },
          'event bus refused a batch; retrying',
        );
        await new Promise((resolve) => setTimeout(resolve, delay));
        delay = Math.min(delay * 2, MAX_RETRY_DELAY_MS);
      }
    }
  }

  /** A mapping bug, not a bus problem: logs each invalid event at error level and leaves it out. */
  private withoutInvalid(events: TradingEvent[]): TradingEvent[] {
    return events.filter((event) => {
      try {
        parseEvent(event);
        return true;
      } catch (error) {
        this.logger.error({ err: error, event }, 'engine event failed validation; not published');
        return false;
      }
    });
  }

  private fail(shard: number, slots: Float64Array, offset: number): void {
    if (this.overflow !== undefined) return;
    this.overflow = new Error(
      `event bus too slow: ${this.queue.size} events buffered; stopping the engine rather than dropping events`,
    );
    this.logger.fatal(
      { shard, sequence: slots[offset + 1], backlog: this.queue.size },
      this.overflow.message,
    );
    this.onOverflow?.(this.overflow);
  }
}
