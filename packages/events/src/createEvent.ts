/**
 * Building events on the producing side, so the envelope's derived fields (version, key) are
 * always right by construction.
 */
import { SCHEMA_VERSION, type EventOf, type EventType, type PayloadOf } from './eventSchema.js';
import { partitionKeyOf } from './topics.js';

/** Where and when an event was produced: the producer fills these, the rest is derived. */
export interface EventOrigin {
  /** Producer name, e.g. `engine`. */
  readonly source: string;
  /** Engine shard (worker) that produced the event; 0 for single-writer producers. */
  readonly shard: number;
  /** The shard's sequence number for this event (1, 2, 3, …). */
  readonly sequence: number;
  /** When the state change happened; a Date or an ISO-8601 UTC string. */
  readonly occurredAt: Date | string;
}

/** Creates an event of `type` with the current schema version and the payload's partition key. */
export function createEvent<Type extends EventType>(
  type: Type,
  payload: PayloadOf<Type>,
  origin: EventOrigin,
): EventOf<Type> {
  const occurredAt =
    typeof origin.occurredAt === 'string' ? origin.occurredAt : origin.occurredAt.toISOString();
  const event = {
    schemaVersion: SCHEMA_VERSION,
    type,
    source: origin.source,
    key: '',
    shard: origin.shard,
    sequence: origin.sequence,
    occurredAt,
    payload,
  } as unknown as EventOf<Type>;
  return { ...event, key: partitionKeyOf(event) };
}
