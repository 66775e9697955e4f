import { checkRequest, takeTokens, type BucketState } from './tokenBucket.js';
import type { RateLimiter } from './rateLimiter.js';

/** Buckets in this process: for the embedded platform and a single gateway instance. */
export function createMemoryRateLimiter(options: {
  readonly prefix: string;
  /** Milliseconds; injectable so tests can move time. Defaults to a monotonic clock. */
  readonly now?: () => number;
}): RateLimiter {
  const now = options.now ?? (() => performance.now());
  const buckets = new Map<string, { state: BucketState; fullAtMs: number }>();
  let consumesSinceSweep = 0;

  // A full bucket carries no information, so dropping it keeps memory bounded by active keys.
  // Sweeping every 1024 requests costs O(1) amortised per request.
  const sweep = (nowMs: number) => {
    if (++consumesSinceSweep < 1024) return;
    consumesSinceSweep = 0;
    for (const [key, bucket] of buckets) if (bucket.fullAtMs <= nowMs) buckets.delete(key);
  };

  return {
    async consume(key, policy, cost = 1) {
      checkRequest(policy, cost);
      const nowMs = now();
      const id = `${options.prefix}:${key}`;
      const { decision, state, fullInMs } = takeTokens(buckets.get(id)?.state, policy, cost, nowMs);
      buckets.set(id, { state, fullAtMs: nowMs + fullInMs });
      sweep(nowMs);
      return decision;
    },
  };
}
