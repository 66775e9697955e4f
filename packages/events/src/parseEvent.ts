/**
 * The one validator from `unknown` to a typed event (PROTOCOL.md), and the wire encoding.
 * Everything that crosses a process boundary goes through `parseEvent` before code trusts it.
 */
import { tradingEventSchema, type TradingEvent } from './eventSchema.js';
import { partitionKeyOf } from './topics.js';

/** A message that is not a valid event; `problems` lists each failing field as `path: reason`. */
export class EventValidationError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid event: ${problems.join('; ')}`);
    this.name = 'EventValidationError';
  }
}

/** Validates a decoded message; throws {@link EventValidationError} naming every bad field. */
export function parseEvent(input: unknown): TradingEvent {
  const result = tradingEventSchema.safeParse(input);
  if (!result.success) {
    throw new EventValidationError(
      result.error.issues.map(
        (issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(event)'}: ${issue.message}`,
      ),
    );
  }
  const event = result.data;
  const expectedKey = partitionKeyOf(event);
  // The key picks the partition; one that disagrees with the payload would break per-key order.
  if (event.key !== expectedKey) {
    throw new EventValidationError([
      `key: must equal the payload's partition key "${expectedKey}", got "${event.key}"`,
    ]);
  }
  return event;
}

/** Decodes and validates one wire message (UTF-8 JSON). */
export function decodeEvent(message: Uint8Array | string): TradingEvent {
  let decoded: unknown;
  try {
    decoded = JSON.parse(typeof message === 'string' ? message : Buffer.from(message).toString('utf8'));
  } catch (error) {
    throw new EventValidationError([`(event): not JSON (${(error as Error).message})`]);
  }
  return parseEvent(decoded);
}

/** Encodes an event for the wire. */
export function encodeEvent(event: TradingEvent): Buffer {
  return Buffer.from(JSON.stringify(event), 'utf8');
}
