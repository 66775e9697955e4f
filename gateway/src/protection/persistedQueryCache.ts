import type { Redis } from 'ioredis';
import type { Logger } from '@mib/telemetry';

/**
 * Apollo's automatic-persisted-query store in Redis (its `KeyValueCache` shape), so a document
 * registered through one gateway instance is found by every other. Without Redis Apollo keeps
 * them in its bounded in-memory cache. A Redis failure reads as a miss and skips the write: the
 * client then sends the full text, so an outage costs bytes, not requests.
 */
export function redisPersistedQueryCache(redis: Redis, prefix: string, logger: Logger) {
  const failed = (error: unknown) => logger.warn({ err: error }, 'persisted-query cache unavailable');
  return {
    async get(key: string): Promise<string | undefined> {
      try {
        return (await redis.get(prefix + key)) ?? undefined;
      } catch (error) {
        failed(error);
        return undefined;
      }
    },
    async set(key: string, value: string, options?: { ttl?: number | null }): Promise<void> {
      try {
        const ttl = options?.ttl;
        if (ttl) await redis.set(prefix + key, value, 'EX', ttl);
        else await redis.set(prefix + key, value);
      } catch (error) {
        failed(error);
      }
    },
    async delete(key: string): Promise<boolean> {
      return (await redis.del(prefix + key)) > 0;
    },
  };
}
