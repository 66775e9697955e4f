import type { RateLimitDecision, RateLimitPolicy } from './tokenBucket.js';

/** Token buckets by key. Every implementation passes test/rateLimiter.contract.test.ts. */
export interface RateLimiter {
  /**
   * Takes `cost` tokens (default 1) from `key`'s bucket if it holds them. A refused request
   * takes nothing. Throws a RangeError when `cost` exceeds `policy.capacity`.
   */
  consume(key: string, policy: RateLimitPolicy, cost?: number): Promise<RateLimitDecision>;
}
