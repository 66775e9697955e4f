/**
 * Retries an admin operation while Kafka answers with a retriable error. Right after topics are
 * created a KRaft broker says "does not host this topic-partition", "leader not available" or
 * "not the leader" for a moment, and kafkajs's admin client passes some of those on instead of
 * retrying them.
 */
import { setTimeout as delay } from 'node:timers/promises';

/** kafkajs marks protocol errors that mean "try again" with `retriable: true`. */
export function isRetriableKafkaError(error: unknown): boolean {
  return (error as { retriable?: unknown } | null)?.retriable === true;
}

/** Runs `operation` until it succeeds, a non-retriable error, or `timeoutMs` (then the last error). */
export async function retryWhileNotReady<T>(operation: () => Promise<T>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (let wait = 25; ; wait = Math.min(wait * 2, 500)) {
    try {
      return await operation();
    } catch (error) {
      if (!isRetriableKafkaError(error) || Date.now() + wait > deadline) throw error;
    }
    await delay(wait);
  }
}
