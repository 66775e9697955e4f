/**
 * Deciding whether a consumer has already applied an event (PROTOCOL.md, "Idempotent
 * consumers"). Pure functions: the consumer keeps the high-water marks where its state is
 * (a PostgreSQL row updated in the same transaction as the change), so both commit together.
 */
import type { TradingEvent } from './eventSchema.js';
import { topicOf } from './topics.js';

/**
 * The ordered stream an event belongs to: `topic/key/shard`. Within one stream sequences only
 * grow, because the shard numbers events in order and one topic and key map to one partition.
 * A shard's sequence is not monotonic across streams, so marks must be kept per stream.
 */
export function streamOf(event: Pick<TradingEvent, 'type' | 'key' | 'shard'>): string {
  return `${topicOf(event.type)}/${event.key}/${event.shard}`;
}

/**
 * True when the event has not been applied yet: its sequence is above the stream's high-water
 * mark (`undefined` when nothing of the stream was applied). A redelivered or replayed event
 * has a sequence at or below the mark and is skipped.
 */
export function isNewEvent(
  highWaterMark: number | undefined,
  event: Pick<TradingEvent, 'sequence'>,
): boolean {
  return highWaterMark === undefined || event.sequence > highWaterMark;
}

/**
 * High-water marks held in memory, for consumers whose state is in memory too (the embedded
 * gateway fan-out, tests). Durable read models keep the marks in their database instead.
 */
export class HighWaterMarks {
  readonly #marks = new Map<string, number>();

  /** True when the event is new for its stream; apply it, then call {@link recordApplied}. */
  isNew(event: Pick<TradingEvent, 'type' | 'key' | 'shard' | 'sequence'>): boolean {
    return isNewEvent(this.#marks.get(streamOf(event)), event);
  }

  /** Moves the stream's mark to the event, once the event's effect is in place. */
  recordApplied(event: Pick<TradingEvent, 'type' | 'key' | 'shard' | 'sequence'>): void {
    const stream = streamOf(event);
    this.#marks.set(stream, Math.max(this.#marks.get(stream) ?? 0, event.sequence));
  }

  /** The mark of one stream (see {@link streamOf}), or undefined. */
  get(stream: string): number | undefined {
    return this.#marks.get(stream);
  }
}
