import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createLocalJWKSet,
  decodeProtectedHeader,
  exportJWK,
  generateKeyPair,
  jwtVerify,
  type JSONWebKeySet,
  type JWK,
} from 'jose';
import { Secret, TOTP } from 'otpauth';
import { testCallerTokens, testIdentity } from '@mib/auth/testing';
import { createTestDatabase } from '@mib/db/testing';
import { startSubgraphForTest } from '@mib/subgraph-kit/testing';
import { silentLogger } from '@mib/telemetry';
import { DataSealer, SealedColumn } from '../src/credentials/dataSealing.js';
import { createUsersSubgraph } from '../src/index.js';
import {
  LOG_IN,
  signUpUser,
  startUsersFixture,
  TEST_PASSWORD,
  type AuthResult,
  type UsersFixture,
} from './usersFixture.js';
import { LEGACY_DATA_KEY, LEGACY_SEALED_TOTP_SECRET, LEGACY_TOTP_SECRET } from './legacySealedValue.js';

const newKey = () => randomBytes(32).toString('base64url');
const codeOf = (secret: string) =>
  new TOTP({ secret, algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp: Date.now() });

async function jwks(fixture: UsersFixture): Promise<JSONWebKeySet> {
  return (await (await fetch(new URL('/.well-known/jwks.json', fixture.origin))).json()) as JSONWebKeySet;
}

async function logIn(fixture: UsersFixture, email: string, totpCode?: string) {
  const input = { email, password: TEST_PASSWORD, ...(totpCode ? { totpCode } : {}) };
  return fixture.request<{ logIn: AuthResult }>(LOG_IN, { input });
}

describe('with USERS_DATA_KEYS', () => {
  const dataKey = newKey();
  const sealer = new DataSealer([dataKey]);
  let fixture: UsersFixture;
  beforeAll(async () => {
    fixture = await startUsersFixture({ dataKeys: [dataKey] });
  });
  afterAll(() => fixture[Symbol.asyncDispose]());

  it('stores the private signing key sealed, and its tokens verify against the JWKS', async () => {
    const { accessToken } = await signUpUser(fixture, 'sealed.keys@example.test', TEST_PASSWORD);
    const [row] = await fixture.db.prisma.signingKey.findMany();
    expect(typeof row!.privateJwk).toBe('string');
    const stored = row!.privateJwk as string;
    expect(stored.startsWith(`sealed:v2:${sealer.currentKeyId}:`)).toBe(true);
    const privateJwk = JSON.parse(sealer.open(stored, SealedColumn.signingKeyPrivateJwk, row!.kid)) as JWK;
    expect(privateJwk.kid).toBe(row!.kid);
    expect(stored).not.toContain(privateJwk.d);
    expect(decodeProtectedHeader(accessToken).kid).toBe(row!.kid);
    await expect(jwtVerify(accessToken, createLocalJWKSet(await jwks(fixture)))).resolves.toBeDefined();
  });

  it('stores the TOTP secret sealed, and logging in with a code still works', async () => {
    const email = 'sealed.totp@example.test';
    const { user } = await signUpUser(fixture, email, TEST_PASSWORD);
    const identity = testIdentity(user.id);
    const enrolled = await fixture.request<{ enrolTotp: { secret: string } }>(
      'mutation { enrolTotp { secret } }',
      {},
      { identity },
    );
    const { secret } = enrolled.data!.enrolTotp;
    const stored = (await fixture.db.prisma.totpFactor.findUniqueOrThrow({ where: { userId: user.id } }))
      .secret;
    expect(stored.startsWith(`sealed:v2:${sealer.currentKeyId}:`)).toBe(true);
    expect(stored).not.toContain(secret);

    const confirmed = await fixture.request(
      'mutation($code: String!, $password: String!) { confirmTotp(code: $code, currentPassword: $password) { codes } }',
      { code: codeOf(secret), password: TEST_PASSWORD },
      { identity },
    );
    expect(confirmed.errors).toBeUndefined();
    expect((await logIn(fixture, email)).errors?.[0]?.extensions?.['code']).toBe('MFA_REQUIRED');
    // The confirmation spent the current step; rewind it to log in with the same code.
    await fixture.db.prisma.totpFactor.update({ where: { userId: user.id }, data: { lastUsedStep: null } });
    const loggedIn = await logIn(fixture, email, codeOf(secret));
    expect(loggedIn.errors).toBeUndefined();
    expect(loggedIn.data?.logIn.user.id).toBe(user.id);
  });

  it("does not open one user's sealed TOTP secret copied onto another user's row", async () => {
    const alice = (await signUpUser(fixture, 'copied.from@example.test', TEST_PASSWORD)).user;
    const mallory = (await signUpUser(fixture, 'copied.to@example.test', TEST_PASSWORD)).user;
    const secret = new Secret({ size: 20 }).base32;
    const sealed = sealer.seal(secret, SealedColumn.totpSecret, alice.id);
    for (const { id } of [alice, mallory])
      await fixture.db.prisma.totpFactor.create({
        data: { userId: id, secret: sealed, confirmedAt: new Date() },
      });

    const copied = await logIn(fixture, 'copied.to@example.test', codeOf(secret));
    expect(copied.data?.logIn ?? null).toBeNull();
    expect(copied.errors?.[0]?.extensions?.['code']).toBe('INTERNAL');
    const own = await logIn(fixture, 'copied.from@example.test', codeOf(secret));
    expect(own.errors).toBeUndefined();
    expect(own.data?.logIn.user.id).toBe(alice.id);
  });
});

describe('rows written before sealing', () => {
  const [oldKey, currentKey] = [newKey(), newKey()];
  const current = new DataSealer([currentKey]);
  let fixture: UsersFixture;
  beforeAll(async () => {
    fixture = await startUsersFixture({ dataKeys: [currentKey, oldKey, LEGACY_DATA_KEY] });
  });
  afterAll(() => fixture[Symbol.asyncDispose]());

  it('sign with a plaintext private key inserted directly', async () => {
    const kid = randomUUID();
    const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
    const describe = (jwk: JWK): JWK => ({ ...jwk, kid, alg: 'EdDSA', use: 'sig' });
    await fixture.db.prisma.signingKey.create({
      data: {
        kid,
        privateJwk: describe(await exportJWK(privateKey)),
        publicJwk: describe(await exportJWK(publicKey)),
      },
    });
    const { accessToken } = await signUpUser(fixture, 'legacy.key@example.test', TEST_PASSWORD);
    expect(decodeProtectedHeader(accessToken).kid).toBe(kid);
    await expect(jwtVerify(accessToken, createLocalJWKSet(await jwks(fixture)))).resolves.toBeDefined();
  });

  it('accept codes of a plaintext TOTP secret, of one sealed with an older key and of one sealed for its column alone, sealing each anew for its row', async () => {
    const newSecret = () => new Secret({ size: 20 }).base32;
    const stores: Record<string, (userId: string) => { secret: string; stored: string }> = {
      plaintext: () => {
        const secret = newSecret();
        return { secret, stored: secret };
      },
      oldKey: (userId) => {
        const secret = newSecret();
        return { secret, stored: new DataSealer([oldKey]).seal(secret, SealedColumn.totpSecret, userId) };
      },
      columnOnly: () => ({ secret: LEGACY_TOTP_SECRET, stored: LEGACY_SEALED_TOTP_SECRET }),
    };
    for (const [name, store] of Object.entries(stores)) {
      const email = `legacy.totp.${name}@example.test`;
      const { user } = await signUpUser(fixture, email, TEST_PASSWORD);
      const { secret, stored: written } = store(user.id);
      await fixture.db.prisma.totpFactor.create({
        data: { userId: user.id, secret: written, confirmedAt: new Date() },
      });
      const loggedIn = await logIn(fixture, email, codeOf(secret));
      expect(loggedIn.errors, name).toBeUndefined();
      const stored = (await fixture.db.prisma.totpFactor.findUniqueOrThrow({ where: { userId: user.id } }))
        .secret;
      expect(stored.startsWith(`sealed:v2:${current.currentKeyId}:`), name).toBe(true);
      expect(current.open(stored, SealedColumn.totpSecret, user.id), name).toBe(secret);
      expect(() => current.open(stored, SealedColumn.totpSecret, randomUUID()), name).toThrow(
        /does not authenticate/,
      );
    }
  });
});

describe('at start, with USERS_DATA_KEYS', () => {
  it('seals every stored secret not sealed under the current key, unused ones included', async () => {
    const [oldKey, currentKey] = [newKey(), newKey()];
    const current = new DataSealer([currentKey]);
    await using db = await createTestDatabase();
    const kid = randomUUID();
    const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
    const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: 'EdDSA', use: 'sig' };
    await db.prisma.signingKey.create({
      data: {
        kid,
        privateJwk,
        publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'EdDSA', use: 'sig' },
      },
    });
    const secrets = {
      plaintext: new Secret({ size: 20 }).base32,
      oldKey: new Secret({ size: 20 }).base32,
      columnOnly: LEGACY_TOTP_SECRET,
    };
    const stores = {
      plaintext: () => secrets.plaintext,
      oldKey: (userId: string) =>
        new DataSealer([oldKey]).seal(secrets.oldKey, SealedColumn.totpSecret, userId),
      columnOnly: () => LEGACY_SEALED_TOTP_SECRET,
    };
    const names = ['plaintext', 'oldKey', 'columnOnly'] as const;
    const users: Record<string, string> = {};
    for (const name of names) {
      const user = await db.prisma.user.create({
        data: { email: `${name}@example.test`, displayName: name },
      });
      users[name] = user.id;
      await db.prisma.totpFactor.create({
        data: { userId: user.id, secret: stores[name](user.id), confirmedAt: new Date() },
      });
    }

    // Resealing runs as the subgraph starts, before it serves anything.
    const service = await startSubgraphForTest(
      createUsersSubgraph({ dataKeys: [currentKey, oldKey, LEGACY_DATA_KEY] }),
      db.prisma,
    );
    await service[Symbol.asyncDispose]();

    const key = await db.prisma.signingKey.findUniqueOrThrow({ where: { kid } });
    expect(typeof key.privateJwk).toBe('string');
    const sealedKey = key.privateJwk as string;
    expect(sealedKey.startsWith(`sealed:v2:${current.currentKeyId}:`)).toBe(true);
    expect(JSON.parse(current.open(sealedKey, SealedColumn.signingKeyPrivateJwk, kid))).toEqual(privateJwk);
    for (const name of names) {
      const factor = await db.prisma.totpFactor.findUniqueOrThrow({ where: { userId: users[name]! } });
      expect(factor.secret.startsWith(`sealed:v2:${current.currentKeyId}:`), name).toBe(true);
      expect(current.open(factor.secret, SealedColumn.totpSecret, users[name]!), name).toBe(secrets[name]);
    }
  });
});

describe('without USERS_DATA_KEYS', () => {
  it('refuses to start in production', async () => {
    const start = createUsersSubgraph().start(
      // Refused before the database is touched.
      undefined as never,
      { port: 0, logger: silentLogger(), callerTokens: testCallerTokens, production: true },
    );
    await expect(start).rejects.toThrow(/USERS_DATA_KEYS is required in production/);
  });
});
