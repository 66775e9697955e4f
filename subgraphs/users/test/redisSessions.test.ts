import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { createTestDatabase, type TestDatabase } from '@mib/db/testing';
import { EngineClient } from '@mib/engine';
import { InProcessEventBus } from '@mib/events';
import type { RunningService } from '@mib/subgraph-kit';
import { errorCodes, startSubgraphForTest, subgraphRequest } from '@mib/subgraph-kit/testing';
import { silentLogger } from '@mib/telemetry';
import { createUsersSubgraph } from '../src/index.js';
import { REFRESH, SIGN_UP, TEST_PASSWORD, TEST_PASSWORD_COST, type AuthResult } from './usersFixture.js';

/** The production wiring: platform services with Redis, so sessions and throttles live there. */
let db: TestDatabase;
let redis: Redis;
let engine: EngineClient;
let subgraph: RunningService & AsyncDisposable;
const prefix = `mib:test:users:${randomBytes(6).toString('hex')}:`;

beforeAll(async () => {
  db = await createTestDatabase();
  redis = new Redis('redis://127.0.0.1:6379');
  // Nothing listens on the discard port: the users subgraph never calls the engine.
  engine = new EngineClient('127.0.0.1:9');
  subgraph = await startSubgraphForTest(
    createUsersSubgraph({ passwordCost: TEST_PASSWORD_COST, redisPrefix: prefix }),
    db.prisma,
    { events: new InProcessEventBus({ logger: silentLogger() }), engine, redis },
  );
});
afterAll(async () => {
  await subgraph[Symbol.asyncDispose]();
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
  engine.close();
  await db[Symbol.asyncDispose]();
});

describe('users subgraph with Redis', () => {
  it('has a signing key from start-up, before any token is signed', async () => {
    expect(await db.prisma.signingKey.count({ where: { retiredAt: null } })).toBe(1);
  });

  it('keeps refresh-token families and login throttles in Redis, not PostgreSQL', async () => {
    const signedUp = await subgraphRequest<{ signUp: AuthResult }>(subgraph.url, SIGN_UP, {
      input: { email: 'redis.user@example.test', password: TEST_PASSWORD, displayName: 'R' },
    });
    const first = signedUp.data!.signUp;
    expect(await db.prisma.sessionFamily.count()).toBe(0);
    expect(await redis.keys(`${prefix}sessions:fam:*`)).toHaveLength(1);
    expect(await redis.keys(`${prefix}logins:*`)).not.toHaveLength(0);

    const rotated = await subgraphRequest<{ refresh: AuthResult }>(subgraph.url, REFRESH, {
      t: first.refreshToken,
    });
    expect(rotated.errors).toBeUndefined();
    expect(errorCodes(await subgraphRequest(subgraph.url, REFRESH, { t: first.refreshToken }))).toEqual([
      'UNAUTHENTICATED',
    ]);
    const current = rotated.data!.refresh.refreshToken;
    expect(errorCodes(await subgraphRequest(subgraph.url, REFRESH, { t: current }))).toEqual([
      'UNAUTHENTICATED',
    ]);
  });
});
