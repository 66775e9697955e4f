import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerHeaders } from '@mib/auth/testing';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { errorCodes } from '@mib/subgraph-kit/testing';
import { ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER, SESSION_LIVENESS_PATH } from '../src/index.js';
import {
  sessionIdentityOf,
  sessionIdOf,
  SIGN_UP,
  signUpUser,
  TEST_PASSWORD,
  burstOnly,
  freshClientIp,
  startUsersFixture,
  type UsersFixture,
} from './usersFixture.js';

let fixture: UsersFixture;
beforeAll(async () => {
  fixture = await startUsersFixture({ loginsPerAccount: burstOnly(4), loginsPerClientIp: burstOnly(6) });
});
afterAll(() => fixture[Symbol.asyncDispose]());

/** Each login comes from its own address unless `clientIp` says otherwise. */
const logIn = (email: string, password: string, clientIp?: string) =>
  fixture.logIn({ email, password }, clientIp);

describe('signUp', () => {
  it('creates a trader and returns a session whose JWT verifies against the JWKS', async () => {
    const auth = await signUpUser(fixture, 'Fresh.Trader@Example.test', TEST_PASSWORD);
    expect(auth.user).toMatchObject({ email: 'fresh.trader@example.test', role: 'TRADER' });
    expect(auth.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const jwks = createRemoteJWKSet(new URL('/.well-known/jwks.json', fixture.origin));
    const { payload, protectedHeader } = await jwtVerify(auth.accessToken, jwks, {
      issuer: ACCESS_TOKEN_ISSUER,
      audience: ACCESS_TOKEN_AUDIENCE,
      algorithms: ['EdDSA'],
    });
    expect(protectedHeader).toMatchObject({ alg: 'EdDSA', typ: 'JWT' });
    expect(protectedHeader.kid).toEqual(expect.any(String));
    expect(payload).toMatchObject({
      sub: auth.user.id,
      role: 'trader',
      scope: 'market:read orders:read orders:write portfolio:read risk:read watchlist:write',
      iss: 'market-intel-brain/users',
      aud: 'market-intel-brain',
    });
    expect(payload['sid']).toEqual(expect.any(String));
    expect(payload.exp! - payload.iat!).toBe(15 * 60);
    expect(new Date(auth.accessTokenExpiresAt).getTime()).toBe(payload.exp! * 1000);
  });

  it('stores only a self-describing scrypt hash of the password', async () => {
    const auth = await signUpUser(fixture, 'hash.check@example.test', TEST_PASSWORD);
    const row = await fixture.db.prisma.user.findUniqueOrThrow({ where: { id: auth.user.id } });
    expect(row.passwordHash).toMatch(/^\$scrypt\$ln=10,r=8,p=1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(row.passwordHash).not.toContain(TEST_PASSWORD);
  });

  it.each([
    ['a malformed email', { email: 'not-an-email', password: TEST_PASSWORD, displayName: 'X' }, 'email'],
    [
      'a short password',
      { email: 'short@example.test', password: 'elevenchars', displayName: 'X' },
      'password',
    ],
    [
      'a blank display name',
      { email: 'blank@example.test', password: TEST_PASSWORD, displayName: '  ' },
      'displayName',
    ],
  ])('refuses %s with BAD_USER_INPUT and writes nothing', async (_case, input, argument) => {
    const before = await fixture.db.prisma.user.count();
    const response = await fixture.request(SIGN_UP, { input });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors?.[0]?.extensions?.['argument']).toBe(argument);
    expect(await fixture.db.prisma.user.count()).toBe(before);
    expect(await fixture.db.prisma.sessionFamily.count({ where: { user: { email: input.email } } })).toBe(0);
  });

  it('refuses a duplicate email, whatever its case, with a clear message', async () => {
    await signUpUser(fixture, 'taken@example.test', TEST_PASSWORD);
    const response = await fixture.request(SIGN_UP, {
      input: { email: ' TAKEN@example.test ', password: TEST_PASSWORD, displayName: 'Again' },
    });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors?.[0]?.message).toMatch(/already exists/);
    expect(await fixture.db.prisma.user.count({ where: { email: 'taken@example.test' } })).toBe(1);
  });
});

describe('logIn', () => {
  it('signs in with the right password and starts a new session', async () => {
    const signedUp = await signUpUser(fixture, 'login.ok@example.test', TEST_PASSWORD);
    const response = await logIn('LOGIN.OK@example.test', TEST_PASSWORD);
    expect(response.errors).toBeUndefined();
    const auth = response.data!.logIn;
    expect(auth.user.id).toBe(signedUp.user.id);
    expect(decodeProtectedHeader(auth.accessToken).alg).toBe('EdDSA');
    expect(await fixture.db.prisma.sessionFamily.count({ where: { userId: auth.user.id } })).toBe(2);
  });

  it('fails alike for a wrong password and an unknown email', async () => {
    await signUpUser(fixture, 'login.wrong@example.test', TEST_PASSWORD);
    const wrongPassword = await logIn('login.wrong@example.test', 'not the password at all');
    const unknownEmail = await logIn('nobody@example.test', TEST_PASSWORD);
    expect(errorCodes(wrongPassword)).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(unknownEmail)).toEqual(['UNAUTHENTICATED']);
    expect(wrongPassword.errors?.[0]?.message).toBe(unknownEmail.errors?.[0]?.message);
  });

  it('rehashes a password stored at another cost on the next login', async () => {
    const auth = await signUpUser(fixture, 'rehash@example.test', TEST_PASSWORD);
    // A hash made at N=2^11, as if the cost had since been changed to the fixture's 2^10.
    const { PasswordHasher } = await import('../src/credentials/passwordHasher.js');
    const older = await new PasswordHasher({ logN: 11, r: 8, p: 1 }).hash(TEST_PASSWORD);
    await fixture.db.prisma.user.update({ where: { id: auth.user.id }, data: { passwordHash: older } });
    expect((await logIn('rehash@example.test', TEST_PASSWORD)).errors).toBeUndefined();
    const row = await fixture.db.prisma.user.findUniqueOrThrow({ where: { id: auth.user.id } });
    expect(row.passwordHash).toMatch(/^\$scrypt\$ln=10,/);
  });

  it('throttles an account after its burst, before checking the password', async () => {
    await signUpUser(fixture, 'throttled@example.test', TEST_PASSWORD);
    const before = await loginCounts();
    for (let attempt = 0; attempt < 4; attempt++) {
      expect(errorCodes(await logIn('throttled@example.test', 'wrong password!!'))).toEqual([
        'UNAUTHENTICATED',
      ]);
    }
    const throttled = await logIn('throttled@example.test', TEST_PASSWORD);
    expect(errorCodes(throttled)).toEqual(['RATE_LIMITED']);
    expect(throttled.errors?.[0]?.extensions?.['retryAfterSeconds']).toBeGreaterThan(0);
    expect(countsSince(before, await loginCounts())).toEqual({
      throttledByAccount: 1,
      throttledByClientIp: 0,
      wrongCredentials: 4,
      throttled: 1,
      succeeded: 0,
    });
  });

  it('throttles a client address across accounts', async () => {
    const ip = freshClientIp();
    const before = await loginCounts();
    for (let attempt = 0; attempt < 6; attempt++) {
      expect(errorCodes(await logIn(`spray${attempt}@example.test`, TEST_PASSWORD, ip))).toEqual([
        'UNAUTHENTICATED',
      ]);
    }
    expect(errorCodes(await logIn('spray-last@example.test', TEST_PASSWORD, ip))).toEqual(['RATE_LIMITED']);
    expect(errorCodes(await logIn('spray-last@example.test', TEST_PASSWORD))).toEqual(['UNAUTHENTICATED']);
    expect(countsSince(before, await loginCounts())).toEqual({
      throttledByAccount: 0,
      throttledByClientIp: 1,
      wrongCredentials: 7,
      throttled: 1,
      succeeded: 0,
    });
  });

  it('counts a successful login under its outcome', async () => {
    await signUpUser(fixture, 'login.counted@example.test', TEST_PASSWORD);
    const before = await loginCounts();
    expect((await logIn('login.counted@example.test', TEST_PASSWORD)).errors).toBeUndefined();
    expect(countsSince(before, await loginCounts())).toMatchObject({ succeeded: 1, throttled: 0 });
  });
});

/** The login counters on the subgraph's `/metrics` now; one missing reads as NaN. */
async function loginCounts(): Promise<Record<string, number>> {
  const read = async (name: string, labels: Record<string, string>) =>
    (await fixture.metric(name, labels)) ?? Number.NaN;
  return {
    throttledByAccount: await read('users_login_throttled_total', { limit: 'account' }),
    throttledByClientIp: await read('users_login_throttled_total', { limit: 'client_ip' }),
    wrongCredentials: await read('users_login_attempts_total', { outcome: 'wrong_credentials' }),
    throttled: await read('users_login_attempts_total', { outcome: 'throttled' }),
    succeeded: await read('users_login_attempts_total', { outcome: 'succeeded' }),
  };
}

/** How far each counter moved (the tests of this file share one subgraph and its counters). */
const countsSince = (before: Record<string, number>, after: Record<string, number>) =>
  Object.fromEntries(
    Object.entries(after).map(([name, value]) => [name, value - (before[name] ?? Number.NaN)]),
  );

describe('refresh and logOut', () => {
  it('rotates the refresh token on every use, keeping the session id', async () => {
    const first = await signUpUser(fixture, 'refresh@example.test', TEST_PASSWORD);
    const response = await fixture.refresh(first.refreshToken);
    expect(response.errors).toBeUndefined();
    const second = response.data!.refresh;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(sessionIdOf(second.accessToken)).toBe(sessionIdOf(first.accessToken));
    const third = await fixture.refresh(second.refreshToken);
    expect(third.errors).toBeUndefined();
  });

  it('revokes the whole family when a used refresh token comes back', async () => {
    const first = await signUpUser(fixture, 'reuse@example.test', TEST_PASSWORD);
    const rotated = await fixture.refresh(first.refreshToken);
    const current = rotated.data!.refresh.refreshToken;

    const replay = await fixture.refresh(first.refreshToken);
    expect(errorCodes(replay)).toEqual(['UNAUTHENTICATED']);
    expect(replay.errors?.[0]?.message).toMatch(/already used/);
    // The thief's replay also ends the rightful holder's newer token.
    expect(errorCodes(await fixture.refresh(current))).toEqual(['UNAUTHENTICATED']);
    const family = await fixture.db.prisma.sessionFamily.findFirstOrThrow({
      where: { userId: first.user.id },
    });
    expect(family.revokedAt).not.toBeNull();
  });

  it('stores refresh tokens only as SHA-256 hashes', async () => {
    const auth = await signUpUser(fixture, 'hashed.refresh@example.test', TEST_PASSWORD);
    const tokens = await fixture.db.prisma.refreshToken.findMany({
      where: { family: { userId: auth.user.id } },
    });
    expect(tokens).toHaveLength(1);
    expect(tokens[0]!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(tokens[0]!.tokenHash).not.toContain(auth.refreshToken);
  });

  it('logOut ends the session: its refresh token no longer works', async () => {
    const auth = await signUpUser(fixture, 'logout@example.test', TEST_PASSWORD);
    const out = await fixture.request('mutation($t: String!) { logOut(refreshToken: $t) }', {
      t: auth.refreshToken,
    });
    expect(out.data).toEqual({ logOut: true });
    expect(errorCodes(await fixture.refresh(auth.refreshToken))).toEqual(['UNAUTHENTICATED']);
    const unknown = await fixture.request('mutation { logOut(refreshToken: "nonsense") }');
    expect(unknown.data).toEqual({ logOut: false });
  });

  it("tells the gateway a session's liveness: live until logOut, and only to signed callers", async () => {
    const auth = await signUpUser(fixture, 'liveness@example.test', TEST_PASSWORD);
    const sessionId = sessionIdOf(auth.accessToken);
    const ask = (body: unknown, headers = callerHeaders(null)) =>
      fetch(new URL(SESSION_LIVENESS_PATH, fixture.origin), {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });
    expect(await (await ask({ sessionId })).json()).toEqual({ live: true });
    await fixture.request('mutation($t: String!) { logOut(refreshToken: $t) }', { t: auth.refreshToken });
    expect(await (await ask({ sessionId })).json()).toEqual({ live: false });
    expect(await (await ask({ sessionId: randomUUID() })).json()).toEqual({ live: false });
    expect((await ask({ sessionId: 'not-a-uuid' })).status).toBe(400);
    expect((await ask({ sessionId }, {})).status).toBe(401);
  });

  it('logOutEverywhere ends every session of the account, and only from a session', async () => {
    const phone = await signUpUser(fixture, 'everywhere@example.test', TEST_PASSWORD);
    const laptop = (await logIn('everywhere@example.test', TEST_PASSWORD)).data!.logIn;
    const bystander = await signUpUser(fixture, 'bystander@example.test', TEST_PASSWORD);
    const identity = sessionIdentityOf(phone);
    const LOG_OUT_EVERYWHERE = 'mutation { logOutEverywhere }';

    const byApiKey = { ...identity, credential: { kind: 'apiKey' as const, id: 'k' } };
    expect(errorCodes(await fixture.request(LOG_OUT_EVERYWHERE, {}, { identity: byApiKey }))).toEqual([
      'FORBIDDEN',
    ]);
    expect(await fixture.request(LOG_OUT_EVERYWHERE, {}, { identity })).toMatchObject({
      data: { logOutEverywhere: 2 },
    });
    for (const ended of [phone, laptop])
      expect(errorCodes(await fixture.refresh(ended.refreshToken))).toEqual(['UNAUTHENTICATED']);
    expect((await fixture.refresh(bystander.refreshToken)).errors).toBeUndefined();
  });

  it('shows a user where they are signed in, and ends one session on request', async () => {
    const phone = await signUpUser(fixture, 'devices@example.test', TEST_PASSWORD);
    const laptop = (await logIn('devices@example.test', TEST_PASSWORD)).data!.logIn;
    const stranger = await signUpUser(fixture, 'stranger.devices@example.test', TEST_PASSWORD);
    const SESSIONS = 'query($id: ID!) { user(id: $id) { sessions { id startedAt current } } }';
    const END = 'mutation($id: ID!) { endSession(id: $id) }';
    const phoneSession = sessionIdOf(phone.accessToken);

    const listed = await fixture.request<{ user: { sessions: { id: string; current: boolean }[] } }>(
      SESSIONS,
      { id: phone.user.id },
      { identity: sessionIdentityOf(laptop) },
    );
    expect(listed.data?.user.sessions.map(({ id, current }) => [id, current])).toEqual([
      [phoneSession, false],
      [sessionIdOf(laptop.accessToken), true],
    ]);
    const peek = { identity: sessionIdentityOf(stranger) };
    expect(errorCodes(await fixture.request(SESSIONS, { id: phone.user.id }, peek))).toEqual(['FORBIDDEN']);
    expect((await fixture.request(END, { id: phoneSession }, peek)).data).toEqual({ endSession: false });
    expect((await fixture.refresh(phone.refreshToken)).errors).toBeUndefined();

    const ended = await fixture.request(END, { id: phoneSession }, { identity: sessionIdentityOf(laptop) });
    expect(ended.data).toEqual({ endSession: true });
    expect(
      await fixture.request(SESSIONS, { id: phone.user.id }, { identity: sessionIdentityOf(laptop) }),
    ).toMatchObject({
      data: { user: { sessions: [{ id: sessionIdOf(laptop.accessToken), current: true }] } },
    });
  });

  it('refuses an unknown refresh token', async () => {
    expect(errorCodes(await fixture.refresh('x'.repeat(43)))).toEqual(['UNAUTHENTICATED']);
  });
});
