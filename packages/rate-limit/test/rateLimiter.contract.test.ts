import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createMemoryRateLimiter, createRedisRateLimiter, type RateLimiter } from '../src/index.js';

/**
 * The contract every RateLimiter keeps, run against each implementation. `connect` returns
 * limiters sharing one set of buckets; for Redis each has its own connection, so parallel
 * consumes really interleave on the server.
 */
interface Implementation {
  readonly name: string;
  readonly connect: (prefix: string, count: number) => RateLimiter[];
}

const connections: Redis[] = [];
afterAll(async () => {
  await Promise.all(connections.map((redis) => redis.quit()));
});

const implementations: Implementation[] = [
  {
    name: 'in process',
    connect: (prefix, count) => Array(count).fill(createMemoryRateLimiter({ prefix })) as RateLimiter[],
  },
  {
    name: 'Redis',
    connect: (prefix, count) =>
      Array.from({ length: count }, () => {
        const redis = new Redis('redis://127.0.0.1:6379', { lazyConnect: false });
        connections.push(redis);
        return createRedisRateLimiter({ redis, prefix });
      }),
  },
];

const runId = randomUUID();
const slow = { capacity: 5, refillPerSecond: 0.001 };

describe.each(implementations)('$name rate limiter', ({ connect }) => {
  const limiter = (count = 1) => connect(`test:rate-limit:${runId}:${randomUUID()}`, count);

  it('admits a full burst, then refuses with the time until a token is back', async () => {
    const [bucket] = limiter() as [RateLimiter];
    const decisions = [];
    for (let i = 0; i < 6; i++) decisions.push(await bucket.consume('alice', slow));
    expect(decisions.slice(0, 5).map((d) => [d.allowed, d.remaining])).toEqual([
      [true, 4],
      [true, 3],
      [true, 2],
      [true, 1],
      [true, 0],
    ]);
    expect(decisions[5]).toMatchObject({ allowed: false, remaining: 0 });
    // One token at 0.001/s takes 1000 s; allow for the milliseconds spent in this test.
    expect(decisions[5]?.retryAfterMs).toBeGreaterThan(999_000);
    expect(decisions[5]?.retryAfterMs).toBeLessThanOrEqual(1_000_000);
  });

  it('keeps a separate bucket per key', async () => {
    const [bucket] = limiter() as [RateLimiter];
    for (let i = 0; i < 5; i++) await bucket.consume('alice', slow);
    expect((await bucket.consume('alice', slow)).allowed).toBe(false);
    expect(await bucket.consume('bob', slow)).toMatchObject({ allowed: true, remaining: 4 });
  });

  it('charges the cost, and a refused request takes nothing', async () => {
    const [bucket] = limiter() as [RateLimiter];
    expect(await bucket.consume('alice', slow, 4)).toMatchObject({ allowed: true, remaining: 1 });
    expect(await bucket.consume('alice', slow, 2)).toMatchObject({ allowed: false, remaining: 1 });
    expect(await bucket.consume('alice', slow, 1)).toMatchObject({ allowed: true, remaining: 0 });
  });

  it('refuses a cost no bucket of that capacity could hold', async () => {
    const [bucket] = limiter() as [RateLimiter];
    await expect(bucket.consume('alice', slow, 6)).rejects.toThrow(RangeError);
    await expect(bucket.consume('alice', { capacity: 0, refillPerSecond: 1 })).rejects.toThrow(RangeError);
  });

  it('never admits more than the capacity to parallel consumes', async () => {
    const buckets = limiter(4);
    const policy = { capacity: 10, refillPerSecond: 0.001 };
    const decisions = await Promise.all(
      Array.from({ length: 60 }, (_, i) => buckets[i % buckets.length]!.consume('shared', policy)),
    );
    expect(decisions.filter((d) => d.allowed)).toHaveLength(10);
    expect(
      decisions
        .filter((d) => d.allowed)
        .map((d) => d.remaining)
        .sort((a, b) => a - b),
    ).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('refills at the policy rate', async () => {
    const [bucket] = limiter() as [RateLimiter];
    // 4/s: a token every 250 ms, slow enough that a loaded machine's pauses between these calls
    // do not refill the bucket before the third, fast enough to wait for.
    const fast = { capacity: 2, refillPerSecond: 4 };
    await bucket.consume('alice', fast);
    await bucket.consume('alice', fast);
    const refused = await bucket.consume('alice', fast);
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterMs).toBeGreaterThan(0);
    expect(refused.retryAfterMs).toBeLessThanOrEqual(250);
    // Waiting is the behaviour under test: the bucket regains a token after retryAfterMs.
    await sleep(refused.retryAfterMs + 5);
    expect((await bucket.consume('alice', fast)).allowed).toBe(true);
  });
});

describe('Redis rate limiter', () => {
  it('falls back to EVAL when the server does not know the script, and expires full buckets', async () => {
    const redis = new Redis('redis://127.0.0.1:6379');
    connections.push(redis);
    const prefix = `test:rate-limit:${runId}:${randomUUID()}`;
    // A server after a restart has an empty script cache. Flushing the shared server's cache would
    // disturb other users of it, so the first EVALSHA is answered with NOSCRIPT here instead.
    let evalshaCalls = 0;
    const forgetful = new Proxy(redis, {
      get(target, property, receiver) {
        if (property === 'evalsha' && evalshaCalls++ === 0)
          return () => Promise.reject(new Error('NOSCRIPT No matching script. Please use EVAL.'));
        return Reflect.get(target, property, receiver) as unknown;
      },
    });
    const bucket = createRedisRateLimiter({ redis: forgetful, prefix });
    expect(await bucket.consume('alice', slow)).toMatchObject({ allowed: true, remaining: 4 });
    expect(await bucket.consume('alice', slow)).toMatchObject({ allowed: true, remaining: 3 });
    expect(evalshaCalls).toBe(2);
    // Two tokens short at 1/s: full again within 2 s, so the key lives no longer than that.
    await bucket.consume('bob', { capacity: 2, refillPerSecond: 1 }, 2);
    const ttl = await redis.pttl(`${prefix}:bob`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(2_000);
  });
});
