import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDENTITY_HEADER, type Identity } from '@mib/auth';
import { callerHeaders, testIdentity } from '@mib/auth/testing';
import { errorCodes } from '@mib/subgraph-kit/testing';
import { MAX_LIVE_API_KEYS } from '../src/apiKeys/apiKeys.js';
import { signUpUser, startUsersFixture, type UsersFixture } from './usersFixture.js';

let fixture: UsersFixture;
let owner: Identity;
let stranger: Identity;
let analyst: Identity;
beforeAll(async () => {
  fixture = await startUsersFixture();
  owner = testIdentity((await signUpUser(fixture, 'key.owner@example.test')).user.id, 'trader');
  stranger = testIdentity((await signUpUser(fixture, 'key.stranger@example.test')).user.id, 'trader');
  const analystUser = await fixture.db.prisma.user.create({
    data: { email: 'key.analyst@example.test', displayName: 'Analyst', role: 'ANALYST' },
  });
  analyst = testIdentity(analystUser.id, 'analyst');
});
afterAll(() => fixture[Symbol.asyncDispose]());

interface CreatedKey {
  createApiKey: {
    key: string;
    apiKey: { id: string; name: string; scopes: string[]; lastUsedAt: string | null };
  };
}
const CREATE = `mutation($input: CreateApiKeyInput!) {
  createApiKey(input: $input) { key apiKey { id name scopes lastUsedAt } }
}`;

async function createKey(
  identity: Identity,
  scopes: string[],
  name = 'bot',
): Promise<CreatedKey['createApiKey']> {
  const response = await fixture.request<CreatedKey>(CREATE, { input: { name, scopes } }, { identity });
  if (!response.data) throw new Error(JSON.stringify(response.errors));
  return response.data.createApiKey;
}

const verify = (key: unknown, headers: Record<string, string> = callerHeaders(null)) =>
  fetch(new URL('/internal/api-keys/verify', fixture.origin), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ key }),
  });

describe('createApiKey', () => {
  it('returns the key once, stores only its hash, with the chosen subset of scopes', async () => {
    const { key, apiKey } = await createKey(owner, ['market:read', 'orders:read', 'market:read']);
    expect(key).toMatch(new RegExp(`^mib_${apiKey.id}_[A-Za-z0-9_-]{43}$`));
    expect(apiKey).toMatchObject({ name: 'bot', scopes: ['market:read', 'orders:read'], lastUsedAt: null });
    const row = await fixture.db.prisma.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } });
    expect(row.secretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(key).not.toContain(row.secretHash);
  });

  it('refuses scopes the owner does not have, and unknown scopes, writing nothing', async () => {
    const before = await fixture.db.prisma.apiKey.count();
    const beyondRole = await fixture.request(
      CREATE,
      { input: { name: 'x', scopes: ['orders:write'] } },
      { identity: analyst },
    );
    expect(errorCodes(beyondRole)).toEqual(['FORBIDDEN']);
    const admin = await fixture.request(
      CREATE,
      { input: { name: 'x', scopes: ['admin'] } },
      { identity: owner },
    );
    expect(errorCodes(admin)).toEqual(['FORBIDDEN']);
    const unknown = await fixture.request(
      CREATE,
      { input: { name: 'x', scopes: ['everything'] } },
      { identity: owner },
    );
    expect(errorCodes(unknown)).toEqual(['BAD_USER_INPUT']);
    const none = await fixture.request(CREATE, { input: { name: 'x', scopes: [] } }, { identity: owner });
    expect(errorCodes(none)).toEqual(['BAD_USER_INPUT']);
    const blank = await fixture.request(
      CREATE,
      { input: { name: ' ', scopes: ['market:read'] } },
      { identity: owner },
    );
    expect(errorCodes(blank)).toEqual(['BAD_USER_INPUT']);
    expect(await fixture.db.prisma.apiKey.count()).toBe(before);
  });

  it('cannot be done with an API key, nor anonymously', async () => {
    const viaKey = { ...owner, credential: { kind: 'apiKey' as const, id: 'some-key' } };
    const response = await fixture.request(
      CREATE,
      { input: { name: 'child', scopes: ['market:read'] } },
      { identity: viaKey },
    );
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    const anonymous = await fixture.request(CREATE, { input: { name: 'anon', scopes: ['market:read'] } });
    expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
  });

  it(`holds at most ${MAX_LIVE_API_KEYS} live keys per user, even created at once; a revoked one frees its place`, async () => {
    const hoarder = testIdentity((await signUpUser(fixture, 'key.hoarder@example.test')).user.id, 'trader');
    const attempts = await Promise.all(
      Array.from({ length: MAX_LIVE_API_KEYS + 3 }, (_, index) =>
        fixture.request<CreatedKey>(
          CREATE,
          { input: { name: `bot ${index}`, scopes: ['market:read'] } },
          { identity: hoarder },
        ),
      ),
    );
    const created = attempts.flatMap((attempt) => (attempt.data ? [attempt.data.createApiKey] : []));
    expect(created).toHaveLength(MAX_LIVE_API_KEYS);
    expect(attempts.filter((attempt) => attempt.errors).map(errorCodes)).toEqual(
      Array.from({ length: 3 }, () => ['BAD_USER_INPUT']),
    );
    expect(await fixture.db.prisma.apiKey.count({ where: { userId: hoarder.userId } })).toBe(
      MAX_LIVE_API_KEYS,
    );

    const revoked = await fixture.request(
      'mutation($id: ID!) { revokeApiKey(id: $id) { id } }',
      { id: created[0]!.apiKey.id },
      { identity: hoarder },
    );
    expect(revoked.errors).toBeUndefined();
    await expect(createKey(hoarder, ['market:read'])).resolves.toMatchObject({ apiKey: { name: 'bot' } });
  });
});

describe('the gateway’s verify route', () => {
  it('turns a live key into its identity and records its use', async () => {
    const { key, apiKey } = await createKey(owner, ['orders:read']);
    const response = await verify(key);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      identity: {
        userId: owner.userId,
        role: 'trader',
        scopes: ['orders:read'],
        credential: { kind: 'apiKey', id: apiKey.id },
      },
    });
    const row = await fixture.db.prisma.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } });
    expect(row.lastUsedAt).not.toBeNull();
    // A second use within the minute writes nothing.
    await verify(key);
    const again = await fixture.db.prisma.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } });
    expect(again.lastUsedAt).toEqual(row.lastUsedAt);
  });

  it('narrows a key to what the owner’s role grants today', async () => {
    const user = await signUpUser(fixture, 'demoted@example.test');
    const identity = testIdentity(user.user.id, 'trader');
    const { key } = await createKey(identity, ['market:read', 'orders:write']);
    await fixture.db.prisma.user.update({ where: { id: user.user.id }, data: { role: 'ANALYST' } });
    const body = (await (await verify(key)).json()) as { identity: Identity };
    expect(body.identity).toMatchObject({ role: 'analyst', scopes: ['market:read'] });
  });

  it('answers 401 for a wrong secret, a malformed key and a revoked key', async () => {
    const { key, apiKey } = await createKey(owner, ['market:read']);
    const tampered = `${key.slice(0, -1)}${key.endsWith('A') ? 'B' : 'A'}`;
    for (const bad of [
      tampered,
      'mib_nonsense',
      `mib_00000000-0000-4000-8000-000000000000_${'a'.repeat(43)}`,
    ]) {
      const response = await verify(bad);
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: expect.any(String) as unknown });
    }
    const revoked = await fixture.request<{ revokeApiKey: { revokedAt: string | null } }>(
      'mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }',
      { id: apiKey.id },
      { identity: owner },
    );
    expect(revoked.data?.revokeApiKey.revokedAt).toEqual(expect.any(String));
    expect((await verify(key)).status).toBe(401);
  });

  it('serves only callers with a valid caller token', async () => {
    const { key } = await createKey(owner, ['market:read']);
    expect((await verify(key, {})).status).toBe(401);
    expect((await verify(key, { [IDENTITY_HEADER]: 'v1.forged.token' })).status).toBe(401);
    const missingBody = await verify(42);
    expect(missingBody.status).toBe(400);
  });
});

describe('owning keys', () => {
  const KEYS_OF = 'query($id: ID!) { user(id: $id) { apiKeys { id revokedAt } } }';

  it('lists a user’s keys to the user and to admins, and to nobody else', async () => {
    const { apiKey } = await createKey(stranger, ['market:read'], 'mine');
    const own = await fixture.request<{ user: { apiKeys: { id: string }[] } }>(
      KEYS_OF,
      { id: stranger.userId },
      { identity: stranger },
    );
    expect(own.data?.user.apiKeys.map((key) => key.id)).toContain(apiKey.id);
    const admin = testIdentity('00000000-0000-4000-8000-0000000ad001', 'admin');
    const asAdmin = await fixture.request<{ user: { apiKeys: { id: string }[] } }>(
      KEYS_OF,
      { id: stranger.userId },
      { identity: admin },
    );
    expect(asAdmin.data?.user.apiKeys.map((key) => key.id)).toContain(apiKey.id);
    expect(errorCodes(await fixture.request(KEYS_OF, { id: stranger.userId }, { identity: owner }))).toEqual([
      'FORBIDDEN',
    ]);
  });

  it('lets nobody but the owner or an admin revoke a key', async () => {
    const { apiKey } = await createKey(stranger, ['market:read'], 'not yours');
    const REVOKE = 'mutation($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }';
    expect(errorCodes(await fixture.request(REVOKE, { id: apiKey.id }, { identity: owner }))).toEqual([
      'FORBIDDEN',
    ]);
    const row = await fixture.db.prisma.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } });
    expect(row.revokedAt).toBeNull();
    const unknown = await fixture.request(
      REVOKE,
      { id: '00000000-0000-4000-8000-000000000000' },
      { identity: owner },
    );
    expect(errorCodes(unknown)).toEqual(['NOT_FOUND']);
  });

  it("lets a key revoke itself, but none of its owner's other keys", async () => {
    const { apiKey: leaked } = await createKey(owner, ['market:read'], 'leaked');
    const { apiKey: other } = await createKey(owner, ['market:read'], 'still needed');
    const REVOKE = 'mutation($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }';
    const asLeakedKey = { ...owner, credential: { kind: 'apiKey' as const, id: leaked.id } };
    expect(errorCodes(await fixture.request(REVOKE, { id: other.id }, { identity: asLeakedKey }))).toEqual([
      'FORBIDDEN',
    ]);
    expect(
      (await fixture.db.prisma.apiKey.findUniqueOrThrow({ where: { id: other.id } })).revokedAt,
    ).toBeNull();
    const selfRevoked = await fixture.request(REVOKE, { id: leaked.id }, { identity: asLeakedKey });
    expect(selfRevoked.errors).toBeUndefined();
    expect(
      (await fixture.db.prisma.apiKey.findUniqueOrThrow({ where: { id: leaked.id } })).revokedAt,
    ).not.toBeNull();
  });
});
