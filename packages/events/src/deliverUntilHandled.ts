/**
 * At-least-once delivery of one event to one handler, shared by both adapters so they fail the
 * same way: a rejecting handler gets the same event again, with exponential backoff, until it
 * resolves or its member stops. Skipping instead would silently lose the event; handing it on
 * to later events first would break per-key order.
 */
import { setTimeout as delay } from 'node:timers/promises';
import type { Logger } from 'pino';
import type { Delivery, EventHandler } from './eventBus.js';
import type { TradingEvent } from './eventSchema.js';

/** Backoff between attempts of a rejecting handler. */
export interface RetryPolicy {
  /** Wait before the second attempt, in ms (default 100). */
  readonly initialDelayMs: number;
  /** Cap of the doubling wait, in ms (default 5000): a stuck consumer is retried, not hammered. */
  readonly maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { initialDelayMs: 100, maxDelayMs: 5_000 };

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
  const { event, where, handler, retry, logger, signal } = attempt;
  let wait = retry.initialDelayMs;
  for (let number = 1; ; number += 1) {
    try {
      await handler(event, { ...where, attempt: number });
      return 'handled';
    } catch (error) {
      logger.warn(
        {
          err: error,
          type: event.type,
          key: event.key,
          shard: event.shard,
          sequence: event.sequence,
          attempt: number,
          retryInMs: wait,
        },
        'event handler failed; the event will be delivered again',
      );
    }
    if (signal.aborted) return 'abandoned';
    try {
      await delay(wait, undefined, { signal });
    } catch {
      return 'abandoned';
    }
    await attempt.beforeRetry?.();
    wait = Math.min(wait * 2, retry.maxDelayMs);
  }
}
