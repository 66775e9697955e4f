/**
 * At-least-once delivery of one event to one handler, shared by both adapters so they fail the
 * same way: a rejecting handler gets the same event again, with exponential backoff, until it
 * resolves or its member stops. Skipping instead would silently lose the event; handing it on
 * to later events first would break per-key order.
 */
import type { Logger } from 'pino';
import type { Delivery, EventHandler } from './eventBus.js';
import type { TradingEvent } from './eventSchema.js';
import { retryUntilDone, type RetryPolicy } from './retryUntilDone.js';

export interface DeliveryAttempt {
  readonly event: TradingEvent;
  readonly where: Omit<Delivery, 'attempt'>;
  readonly handler: EventHandler;
  readonly retry: RetryPolicy;
  readonly logger: Logger;
  /** Aborted when the member stops: the event is then left for the group's next owner. */
  readonly signal: AbortSignal;
  /** Runs before each retry; Kafka heartbeats here so a long retry keeps the membership. */
  readonly beforeRetry?: () => Promise<void>;
}

/** `handled` once the handler resolved; `abandoned` when the member stopped first. */
export async function deliverUntilHandled(attempt: DeliveryAttempt): Promise<'handled' | 'abandoned'> {
  const { event, where, handler, logger } = attempt;
  const outcome = await retryUntilDone((number) => handler(event, { ...where, attempt: number }), {
    ...attempt,
    onFailure: (error, number, retryInMs) =>
      logger.warn(
        {
          err: error,
          type: event.type,
          key: event.key,
          shard: event.shard,
          sequence: event.sequence,
          attempt: number,
          retryInMs,
        },
        'event handler failed; the event will be delivered again',
      ),
  });
  return outcome === 'done' ? 'handled' : 'abandoned';
}
