import type { Redis } from 'ioredis';
import { createMemoryRateLimiter } from './memoryRateLimiter.js';
import { createRedisRateLimiter } from './redisRateLimiter.js';
import type { RateLimiter } from './rateLimiter.js';

export type { RateLimiter } from './rateLimiter.js';
export type { RateLimitDecision, RateLimitPolicy } from './tokenBucket.js';
export { createMemoryRateLimiter, createRedisRateLimiter };

/**
 * A token-bucket limiter: shared through `redis` when given (every gateway instance sees the
 * same buckets), otherwise held in this process. `prefix` namespaces the keys.
 */
export function createRateLimiter(options: {
  readonly redis?: Redis | undefined;
  readonly prefix: string;
}): RateLimiter {
  return options.redis
    ? createRedisRateLimiter({ redis: options.redis, prefix: options.prefix })
    : createMemoryRateLimiter({ prefix: options.prefix });
}
