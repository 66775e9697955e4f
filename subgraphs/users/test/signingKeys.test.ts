import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, type JSONWebKeySet } from 'jose';
import { testIdentity } from '@mib/auth/testing';
import { createTestDatabase, type TestDatabase } from '@mib/db/testing';
import { errorCodes } from '@mib/subgraph-kit/testing';
import { issueAccessToken } from '../src/credentials/accessTokens.js';
import { DataSealer } from '../src/credentials/dataSealing.js';
import { SigningKeys } from '../src/credentials/signingKeys.js';
import { startUsersFixture, type UsersFixture } from './usersFixture.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const policy = { rotationPeriodMs: DAY, tokenLifetimeMs: 15 * MINUTE, cacheMs: MINUTE };
const plaintext = new DataSealer([]);
const subject = { userId: 'u1', role: 'trader' as const, scopes: ['market:read'], sessionId: 's1' };

describe('signing keys', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db[Symbol.asyncDispose]());

  it('rotate after their period and stay published until their last token expired', async () => {
    let now = Date.UTC(2026, 10, 1);
    const keys = new SigningKeys(db.prisma, policy, plaintext, () => now);
    const first = await issueAccessToken(keys, subject, policy.tokenLifetimeMs, now);
    const firstKid = decodeProtectedHeader(first.token).kid;
    expect(firstKid).toEqual(expect.any(String));
    expect((await keys.current()).kid).toBe(firstKid);

    now += DAY - 1_000; // the first key's last second
    const lastOfFirst = await issueAccessToken(keys, subject, policy.tokenLifetimeMs, now);
    expect(decodeProtectedHeader(lastOfFirst.token).kid).toBe(firstKid);

    now += 1_000; // the key has reached the rotation period
    const second = await issueAccessToken(keys, subject, policy.tokenLifetimeMs, now);
    const secondKid = decodeProtectedHeader(second.token).kid;
    expect(secondKid).not.toBe(firstKid);
    // Another replica reading the same table signs with the new key as well.
    expect((await new SigningKeys(db.prisma, policy, plaintext, () => now).current()).kid).toBe(secondKid);

    // Until the first key's last token has expired, both keys are published and both verify.
    now += policy.tokenLifetimeMs;
    const jwks = await keys.published();
    expect(jwks.keys.map((key) => key.kid)).toEqual([secondKid, firstKid]);
    expect(
      jwks.keys.every((key) => key.d === undefined && key.crv === 'Ed25519' && key.alg === 'EdDSA'),
    ).toBe(true);
    const verifyAt = (token: string) =>
      jwtVerify(token, createLocalJWKSet(jwks), { currentDate: new Date(now - 2_000) });
    await expect(verifyAt(lastOfFirst.token)).resolves.toBeDefined();
    await expect(verifyAt(second.token)).resolves.toBeDefined();

    now += policy.cacheMs + 1;
    expect((await keys.published()).keys.map((key) => key.kid)).toEqual([secondKid]);
  });
});

describe('rotateSigningKey', () => {
  let fixture: UsersFixture;
  beforeAll(async () => {
    fixture = await startUsersFixture();
  });
  afterAll(() => fixture[Symbol.asyncDispose]());

  const jwks = async () =>
    (
      (await (await fetch(new URL('/.well-known/jwks.json', fixture.origin))).json()) as JSONWebKeySet
    ).keys.map((key) => key.kid);

  it('is for admins only and publishes the new key beside the retired one', async () => {
    const before = await jwks();
    expect(before).toHaveLength(1);
    const trader = testIdentity('00000000-0000-4000-8000-000000000001', 'trader');
    expect(
      errorCodes(await fixture.request('mutation { rotateSigningKey { kid } }', {}, { identity: trader })),
    ).toEqual(['FORBIDDEN']);
    const admin = testIdentity('00000000-0000-4000-8000-0000000ad001', 'admin');
    const rotated = await fixture.request<{ rotateSigningKey: { kid: string; retiredAt: string | null } }>(
      'mutation { rotateSigningKey { kid retiredAt } }',
      {},
      { identity: admin },
    );
    const kid = rotated.data!.rotateSigningKey.kid;
    expect(rotated.data!.rotateSigningKey.retiredAt).toBeNull();
    expect(await jwks()).toEqual([kid, before[0]]);
  });

  it('serves the JWKS with a short public cache lifetime and no private parts', async () => {
    const response = await fetch(new URL('/.well-known/jwks.json', fixture.origin));
    expect(response.headers.get('cache-control')).toBe('public, max-age=60');
    const body = (await response.json()) as JSONWebKeySet;
    for (const key of body.keys)
      expect(Object.keys(key).sort()).toEqual(['alg', 'crv', 'kid', 'kty', 'use', 'x']);
  });
});
