/**
 * Retrying a step a consumer must not move past: running a handler, writing a dead letter.
 * Skipping the step would lose the record, and moving on to later records first would break
 * per-key order, so the step is tried again with exponential backoff until it succeeds or its
 * member stops (the record is then left for the group's next owner).
 */
import { setMaxListeners } from 'node:events';
import { setTimeout as delay } from 'node:timers/promises';

/** Backoff between attempts of a failing step. */
export interface RetryPolicy {
  /** Wait before the second attempt, in ms (default 100). */
  readonly initialDelayMs: number;
  /** Cap of the doubling wait, in ms (default 5000): a stuck consumer is retried, not hammered. */
  readonly maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { initialDelayMs: 100, maxDelayMs: 5_000 };

export interface RetryLoop {
  readonly retry: RetryPolicy;
  /** Aborted when the member stops: the step is then abandoned. */
  readonly signal: AbortSignal;
  /** Told of each failure and the wait before the next attempt; logs it. */
  readonly onFailure: (error: unknown, attempt: number, retryInMs: number) => void;
  /** Runs before each retry; Kafka heartbeats here so a long retry keeps the membership. */
  readonly beforeRetry?: () => Promise<void>;
}

/**
 * The controller that stops a member. Each partition it handles may be waiting to retry on its
 * signal at the same time, so the signal takes any number of listeners (Node warns of a leak
 * past 10, which a few failing partitions reach).
 */
export function memberStopping(): AbortController {
  const stopping = new AbortController();
  setMaxListeners(0, stopping.signal);
  return stopping;
}

/** `done` once `step` resolved; `abandoned` when the member stopped first. */
export async function retryUntilDone(
  step: (attempt: number) => Promise<void>,
  loop: RetryLoop,
): Promise<'done' | 'abandoned'> {
  let wait = loop.retry.initialDelayMs;
  for (let attempt = 1; ; attempt += 1) {
    try {
      await step(attempt);
      return 'done';
    } catch (error) {
      loop.onFailure(error, attempt, wait);
    }
    if (loop.signal.aborted) return 'abandoned';
    try {
      await delay(wait, undefined, { signal: loop.signal });
    } catch {
      return 'abandoned';
    }
    await loop.beforeRetry?.();
    wait = Math.min(wait * 2, loop.retry.maxDelayMs);
  }
}
