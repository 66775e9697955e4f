import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { checkRequest, TOKEN_EPSILON } from './tokenBucket.js';
import type { RateLimiter } from './rateLimiter.js';

/**
 * `takeTokens` from tokenBucket.ts as one Lua script, so read-refill-take-write is atomic across
 * every gateway instance. Time comes from the Redis server (TIME), not from the callers, so
 * instances with skewed clocks share one timeline. The key expires once the bucket would be full
 * again: an absent key means a full bucket. Numbers travel as strings because Redis truncates
 * Lua numbers in replies to integers.
 *
 * KEYS[1] bucket; ARGV capacity, refillPerSecond, cost. Returns {allowed 0|1, tokens, retryAfterMs}.
 */
const TAKE_TOKENS = `
local capacity = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local cost = tonumber(ARGV[3])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = capacity
if state[1] then
  local elapsed = math.max(0, now - tonumber(state[2]))
  tokens = math.min(capacity, tonumber(state[1]) + elapsed * rate / 1000)
end
local allowed = 0
local retry = 0
if tokens >= cost - ${TOKEN_EPSILON} then
  tokens = math.max(0, tokens - cost)
  allowed = 1
else
  retry = math.ceil((cost - tokens) * 1000 / rate)
end
redis.call('HSET', KEYS[1], 'tokens', string.format('%.17g', tokens), 'at', string.format('%d', now))
redis.call('PEXPIRE', KEYS[1], math.max(1, math.ceil((capacity - tokens) * 1000 / rate)))
return {allowed, string.format('%.17g', tokens), retry}
`;
const TAKE_TOKENS_SHA = createHash('sha1').update(TAKE_TOKENS).digest('hex');

const isNoScript = (error: unknown) => error instanceof Error && error.message.startsWith('NOSCRIPT');

/** Buckets shared by every process using the same Redis and prefix. The caller owns `redis`. */
export function createRedisRateLimiter(options: {
  readonly redis: Redis;
  readonly prefix: string;
}): RateLimiter {
  const { redis, prefix } = options;

  // EVALSHA sends 40 bytes instead of the script; the server loses its script cache on restart
  // or SCRIPT FLUSH, and then EVAL both runs and re-caches it.
  const run = async (key: string, args: string[]): Promise<unknown> => {
    try {
      return await redis.evalsha(TAKE_TOKENS_SHA, 1, key, ...args);
    } catch (error) {
      if (!isNoScript(error)) throw error;
      return redis.eval(TAKE_TOKENS, 1, key, ...args);
    }
  };

  return {
    async consume(key, policy, cost = 1) {
      checkRequest(policy, cost);
      const reply = await run(`${prefix}:${key}`, [
        String(policy.capacity),
        String(policy.refillPerSecond),
        String(cost),
      ]);
      const [allowed, tokens, retryAfterMs] = reply as [number, string, number];
      return { allowed: allowed === 1, remaining: Math.floor(Number(tokens)), retryAfterMs };
    },
  };
}
