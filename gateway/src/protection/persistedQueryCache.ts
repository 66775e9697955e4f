import type { Redis } from 'ioredis';

/**
 * Apollo's automatic-persisted-query store in Redis (its `KeyValueCache` shape), so a document
 * registered through one gateway instance is found by every other. Without Redis Apollo keeps
 * them in its bounded in-memory cache.
 */
export function redisPersistedQueryCache(redis: Redis, prefix: string) {
  return {
    async get(key: string): Promise<string | undefined> {
      return (await redis.get(prefix + key)) ?? undefined;
    },
    async set(key: string, value: string, options?: { ttl?: number | null }): Promise<void> {
      const ttl = options?.ttl;
      if (ttl) await redis.set(prefix + key, value, 'EX', ttl);
      else await redis.set(prefix + key, value);
    },
    async delete(key: string): Promise<boolean> {
      return (await redis.del(prefix + key)) > 0;
    },
  };
}
