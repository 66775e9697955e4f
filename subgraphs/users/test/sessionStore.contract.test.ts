import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { createTestDatabase, type TestDatabase } from '@mib/db/testing';
import { sha256 } from '../src/credentials/opaqueTokens.js';
import { MemorySessionStore } from '../src/sessions/memorySessionStore.js';
import { PostgresSessionStore } from '../src/sessions/postgresSessionStore.js';
import { RedisSessionStore } from '../src/sessions/redisSessionStore.js';
import type { SessionStore } from '../src/sessions/sessionStore.js';

let db: TestDatabase;
let redis: Redis;
/** One prefix per run: parallel runs and other engineers' keys never meet. */
const redisPrefix = `mib:test:sessions:${randomBytes(6).toString('hex')}:`;

beforeAll(async () => {
  db = await createTestDatabase();
  redis = new Redis('redis://127.0.0.1:6379', { lazyConnect: true });
  await redis.connect();
});
afterAll(async () => {
  const keys = await redis.keys(`${redisPrefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
  await db[Symbol.asyncDispose]();
});

const adapters: readonly [string, () => SessionStore][] = [
  ['in-process', () => new MemorySessionStore()],
  ['PostgreSQL', () => new PostgresSessionStore(db.prisma)],
  ['Redis', () => new RedisSessionStore(redis, redisPrefix)],
];

const HOUR = 3_600_000;
const token = () => sha256(randomBytes(32).toString('base64url'));
const later = (ms = HOUR) => ({ tokenHash: token(), expiresAt: new Date(Date.now() + ms) });

/** A user row (PostgreSQL's families reference users) and a new family with its first token. */
async function startFamily(store: SessionStore) {
  const user = await db.prisma.user.create({
    data: { email: `${randomUUID()}@example.test`, displayName: 'Session Holder' },
  });
  const familyId = randomUUID();
  const first = later();
  await store.startFamily({ familyId, userId: user.id }, first);
  return { familyId, userId: user.id, first: first.tokenHash };
}

describe.each(adapters)('%s session store', (_name, createStore) => {
  let store: SessionStore;
  beforeAll(() => {
    store = createStore();
  });

  it('rotates a token into the next one, which rotates in turn', async () => {
    const { familyId, userId, first } = await startFamily(store);
    const second = later();
    expect(await store.rotate(first, second, new Date())).toEqual({ kind: 'rotated', familyId, userId });
    expect(await store.rotate(second.tokenHash, later(), new Date())).toEqual({
      kind: 'rotated',
      familyId,
      userId,
    });
  });

  it('revokes the family when a spent token is presented again', async () => {
    const { familyId, first } = await startFamily(store);
    const second = later();
    await store.rotate(first, second, new Date());
    expect(await store.rotate(first, later(), new Date())).toEqual({ kind: 'reused', familyId });
    expect(await store.rotate(second.tokenHash, later(), new Date())).toEqual({ kind: 'invalid' });
  });

  it('lets exactly one of two concurrent exchanges of one token win', async () => {
    const { first } = await startFamily(store);
    const outcomes = await Promise.all([
      store.rotate(first, later(), new Date()),
      store.rotate(first, later(), new Date()),
    ]);
    expect(outcomes.map((outcome) => outcome.kind).sort()).toEqual(['reused', 'rotated']);
  });

  it('refuses unknown and expired tokens without touching other families', async () => {
    const { familyId, userId, first } = await startFamily(store);
    expect(await store.rotate(token(), later(), new Date())).toEqual({ kind: 'invalid' });
    const expired = { tokenHash: token(), expiresAt: new Date(Date.now() - 1_000) };
    const other = await db.prisma.user.create({
      data: { email: `${randomUUID()}@example.test`, displayName: 'X' },
    });
    await store.startFamily({ familyId: randomUUID(), userId: other.id }, expired);
    expect(await store.rotate(expired.tokenHash, later(), new Date())).toEqual({ kind: 'invalid' });
    expect(await store.rotate(first, later(), new Date())).toEqual({ kind: 'rotated', familyId, userId });
  });

  it('revokes a family by any of its tokens, and by id', async () => {
    const a = await startFamily(store);
    const next = later();
    await store.rotate(a.first, next, new Date());
    expect(await store.revokeFamilyOf(a.first)).toBe(true);
    // Logging out again with any token of an ended session tells there was none left to end.
    expect(await store.revokeFamilyOf(a.first)).toBe(false);
    expect(await store.revokeFamilyOf(next.tokenHash)).toBe(false);
    expect(await store.rotate(next.tokenHash, later(), new Date())).toEqual({ kind: 'invalid' });
    expect(await store.revokeFamilyOf(token())).toBe(false);

    const b = await startFamily(store);
    await store.revokeFamily(b.familyId);
    expect(await store.rotate(b.first, later(), new Date())).toEqual({ kind: 'invalid' });
  });

  it("revokes every family of one user, and nobody else's", async () => {
    const rotated = await startFamily(store);
    const rotatedNext = later();
    await store.rotate(rotated.first, rotatedNext, new Date());
    const second = { familyId: randomUUID(), first: later() };
    await store.startFamily({ familyId: second.familyId, userId: rotated.userId }, second.first);
    const expired = { tokenHash: token(), expiresAt: new Date(Date.now() - 1_000) };
    await store.startFamily({ familyId: randomUUID(), userId: rotated.userId }, expired);
    const bystander = await startFamily(store);

    // The expired family is not counted: it had ended already, and every adapter agrees.
    expect(await store.revokeAllOf(rotated.userId, new Date())).toBe(2);
    expect(await store.isLive(rotated.familyId)).toBe(false);
    expect(await store.isLive(second.familyId)).toBe(false);
    expect(await store.rotate(rotatedNext.tokenHash, later(), new Date())).toEqual({ kind: 'invalid' });
    expect(await store.rotate(second.first.tokenHash, later(), new Date())).toEqual({ kind: 'invalid' });
    expect(await store.isLive(bystander.familyId)).toBe(true);
    expect(await store.revokeAllOf(rotated.userId, new Date())).toBe(0);

    // A session started afterwards is a new one, and live.
    const after = { familyId: randomUUID(), first: later() };
    await store.startFamily({ familyId: after.familyId, userId: rotated.userId }, after.first);
    expect(await store.isLive(after.familyId)).toBe(true);
  });

  it("lists a user's live sessions, oldest first, and ends one only for its owner", async () => {
    const oldest = await startFamily(store);
    const { userId } = oldest;
    const started = async (expiresAt = later()) => {
      const familyId = randomUUID();
      await store.startFamily({ familyId, userId }, expiresAt);
      return familyId;
    };
    const second = await started();
    const third = await started();
    const expired = await started({ tokenHash: token(), expiresAt: new Date(Date.now() - 1_000) });
    const stranger = await startFamily(store);

    const listed = await store.listLive(userId, new Date());
    expect(new Set(listed.map((session) => session.id))).toEqual(new Set([oldest.familyId, second, third]));
    expect(listed.map((session) => session.id)).not.toContain(expired);
    const starts = listed.map((session) => session.startedAt.getTime());
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(Math.abs(starts[0]! - Date.now())).toBeLessThan(60_000);

    expect(await store.revokeFamilyOfUser(second, stranger.userId)).toBe(false);
    expect(await store.isLive(second)).toBe(true);
    expect(await store.revokeFamilyOfUser(second, userId)).toBe(true);
    expect(await store.revokeFamilyOfUser(second, userId)).toBe(false);
    expect(await store.isLive(second)).toBe(false);
    expect((await store.listLive(userId, new Date())).map((session) => session.id).sort()).toEqual(
      [oldest.familyId, third].sort(),
    );
    expect(await store.listLive(stranger.userId, new Date())).toHaveLength(1);
  });

  it('tells a live family from a revoked, reused or unknown one', async () => {
    const loggedOut = await startFamily(store);
    const reused = await startFamily(store);
    const live = await startFamily(store);
    expect(await store.isLive(loggedOut.familyId)).toBe(true);
    await store.revokeFamilyOf(loggedOut.first);
    await store.rotate(reused.first, later(), new Date());
    await store.rotate(reused.first, later(), new Date());
    expect(await store.isLive(loggedOut.familyId)).toBe(false);
    expect(await store.isLive(reused.familyId)).toBe(false);
    expect(await store.isLive(randomUUID())).toBe(false);
    expect(await store.isLive(live.familyId)).toBe(true);
  });
});

describe('Redis session store', () => {
  it('lets keys expire with their tokens, under its prefix only', async () => {
    const store = new RedisSessionStore(redis, redisPrefix);
    const { familyId, first } = await startFamily(store);
    const ttl = await redis.pttl(`${redisPrefix}rt:${first}`);
    expect(ttl).toBeGreaterThan(HOUR - 60_000);
    expect(ttl).toBeLessThanOrEqual(HOUR);
    expect(await redis.pttl(`${redisPrefix}fam:${familyId}`)).toBeGreaterThan(0);
  });

  it("keeps a user's index of families as long as the newest of them", async () => {
    const store = new RedisSessionStore(redis, redisPrefix);
    const { userId, first } = await startFamily(store);
    const index = `${redisPrefix}user:${userId}`;
    expect(await redis.pttl(index)).toBeLessThanOrEqual(HOUR);
    await store.rotate(first, later(3 * HOUR), new Date());
    expect(await redis.pttl(index)).toBeGreaterThan(2 * HOUR);
    // A shorter family later on does not shorten it.
    await store.startFamily({ familyId: randomUUID(), userId }, later());
    expect(await redis.pttl(index)).toBeGreaterThan(2 * HOUR);
  });
});
