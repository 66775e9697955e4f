import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOTP } from 'otpauth';
import { testIdentity } from '@mib/auth/testing';
import { errorCodes } from '@mib/subgraph-kit/testing';
import {
  enableTotp,
  signUpUser,
  TEST_PASSWORD,
  burstOnly,
  startUsersFixture,
  type UsersFixture,
} from './usersFixture.js';

let fixture: UsersFixture;
beforeAll(async () => {
  fixture = await startUsersFixture();
});
afterAll(() => fixture[Symbol.asyncDispose]());

const STEP_MS = 30_000;

/** The code an authenticator app shows `steps` time steps from now. */
const codeAt = (secret: string, steps = 0) =>
  new TOTP({ secret, algorithm: 'SHA1', digits: 6, period: 30 }).generate({
    timestamp: Date.now() + steps * STEP_MS,
  });

const ENROL = 'mutation { enrolTotp { secret uri } }';
const CONFIRM =
  'mutation($code: String!, $password: String!) { confirmTotp(code: $code, currentPassword: $password) { codes } }';
const DISABLE = 'mutation($code: String!) { disableTotp(code: $code) { id totpEnabled } }';

const logIn = (email: string, extra: { totpCode?: string; recoveryCode?: string } = {}) =>
  fixture.logIn({ email, password: TEST_PASSWORD, ...extra });

/** A user with TOTP confirmed (confirmation spent the current step), its secret and recovery codes. */
async function userWithTotp(email: string) {
  const { user } = await signUpUser(fixture, email, TEST_PASSWORD);
  const identity = testIdentity(user.id, 'trader');
  const enrolled = await fixture.request<{ enrolTotp: { secret: string; uri: string } }>(
    ENROL,
    {},
    { identity },
  );
  const { secret, uri } = enrolled.data!.enrolTotp;
  const confirmed = await fixture.request<{ confirmTotp: { codes: string[] } }>(
    CONFIRM,
    { code: codeAt(secret), password: TEST_PASSWORD },
    { identity },
  );
  if (!confirmed.data) throw new Error(JSON.stringify(confirmed.errors));
  return { user, identity, secret, uri, recoveryCodes: confirmed.data.confirmTotp.codes };
}

describe('TOTP enrolment', () => {
  it('stays pending until confirmed: login needs no code before', async () => {
    const { user } = await signUpUser(fixture, 'pending@example.test', TEST_PASSWORD);
    const identity = testIdentity(user.id);
    const enrolled = await fixture.request<{ enrolTotp: { secret: string; uri: string } }>(
      ENROL,
      {},
      { identity },
    );
    const { secret, uri } = enrolled.data!.enrolTotp;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(uri).toMatch(/^otpauth:\/\/totp\/Market%20Intel%20Brain:pending%40example\.test\?/);
    expect(uri).toContain(`secret=${secret}`);
    expect((await logIn('pending@example.test')).errors).toBeUndefined();
    const state = await fixture.request('query { me { totpEnabled } }', {}, { identity });
    expect(state.data).toEqual({ me: { totpEnabled: false } });
  });

  it('refuses a wrong confirmation code and keeps the factor pending', async () => {
    const { user } = await signUpUser(fixture, 'wrong.confirm@example.test', TEST_PASSWORD);
    const identity = testIdentity(user.id);
    await fixture.request(ENROL, {}, { identity });
    const response = await fixture.request(
      CONFIRM,
      { code: '000000', password: TEST_PASSWORD },
      { identity },
    );
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(await fixture.db.prisma.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
  });

  it('needs the current password to confirm, so a stolen session cannot lock the owner out', async () => {
    const { user } = await signUpUser(fixture, 'thief.enrols@example.test', TEST_PASSWORD);
    const identity = testIdentity(user.id);
    const enrolled = await fixture.request<{ enrolTotp: { secret: string } }>(ENROL, {}, { identity });
    const code = codeAt(enrolled.data!.enrolTotp.secret);
    const response = await fixture.request(CONFIRM, { code, password: 'not-the-password-1' }, { identity });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors?.[0]?.extensions?.['argument']).toBe('currentPassword');
    expect(await fixture.db.prisma.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
    expect((await logIn('thief.enrols@example.test')).errors).toBeUndefined();
  });

  it('confirms with a current code and hands out ten distinct recovery codes, stored hashed', async () => {
    const { user, identity, recoveryCodes } = await userWithTotp('confirmed@example.test');
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){3}$/);
    const stored = await fixture.db.prisma.recoveryCode.findMany({ where: { userId: user.id } });
    expect(stored.map((row) => row.codeHash).some((hash) => recoveryCodes.includes(hash))).toBe(false);
    const state = await fixture.request(
      'query { me { totpEnabled recoveryCodesRemaining } }',
      {},
      { identity },
    );
    expect(state.data).toEqual({ me: { totpEnabled: true, recoveryCodesRemaining: 10 } });
  });

  it('cannot be changed with an API key', async () => {
    const { user } = await signUpUser(fixture, 'mfa.apikey@example.test', TEST_PASSWORD);
    const identity = { ...testIdentity(user.id), credential: { kind: 'apiKey' as const, id: 'k' } };
    expect(errorCodes(await fixture.request(ENROL, {}, { identity }))).toEqual(['FORBIDDEN']);
  });
});

describe('logging in with TOTP enabled', () => {
  it('needs a code: MFA_REQUIRED without one, UNAUTHENTICATED for a wrong one', async () => {
    await userWithTotp('mfa.required@example.test');
    const counted = async (outcome: string) =>
      (await fixture.metric('users_login_attempts_total', { outcome })) ?? Number.NaN;
    const [mfaRequired, wrongCredentials] = [
      await counted('mfa_required'),
      await counted('wrong_credentials'),
    ];
    const missing = await logIn('mfa.required@example.test');
    expect(errorCodes(missing)).toEqual(['MFA_REQUIRED']);
    const wrong = await logIn('mfa.required@example.test', { totpCode: '123456' });
    expect(errorCodes(wrong)).toEqual(['UNAUTHENTICATED']);
    expect((await counted('mfa_required')) - mfaRequired).toBe(1);
    expect((await counted('wrong_credentials')) - wrongCredentials).toBe(1);
  });

  it('does not say MFA_REQUIRED to someone with the wrong password', async () => {
    await userWithTotp('mfa.wrongpw@example.test');
    const response = await fixture.logIn({
      email: 'mfa.wrongpw@example.test',
      password: 'not the password at all',
    });
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
  });

  it('accepts a fresh code once and refuses its replay', async () => {
    const { secret } = await userWithTotp('mfa.replay@example.test');
    // The confirmation used the current step; the app's next code is within the accepted window.
    const code = codeAt(secret, 1);
    expect((await logIn('mfa.replay@example.test', { totpCode: code })).errors).toBeUndefined();
    expect(errorCodes(await logIn('mfa.replay@example.test', { totpCode: code }))).toEqual([
      'UNAUTHENTICATED',
    ]);
    // A code of an earlier step than the last one used is a replay too.
    expect(errorCodes(await logIn('mfa.replay@example.test', { totpCode: codeAt(secret) }))).toEqual([
      'UNAUTHENTICATED',
    ]);
  });

  it('accepts each recovery code once, in any case and spacing', async () => {
    const { identity, recoveryCodes } = await userWithTotp('mfa.recovery@example.test');
    const code = recoveryCodes[3]!;
    const typed = code.toLowerCase().replace(/-/g, ' ');
    expect((await logIn('mfa.recovery@example.test', { recoveryCode: typed })).errors).toBeUndefined();
    expect(errorCodes(await logIn('mfa.recovery@example.test', { recoveryCode: code }))).toEqual([
      'UNAUTHENTICATED',
    ]);
    const state = await fixture.request('query { me { recoveryCodesRemaining } }', {}, { identity });
    expect(state.data).toEqual({ me: { recoveryCodesRemaining: 9 } });
  });

  it('signs in without a code again once TOTP is disabled with a current code', async () => {
    const { identity, secret } = await userWithTotp('mfa.disable@example.test');
    expect(errorCodes(await fixture.request(DISABLE, { code: '000000' }, { identity }))).toEqual([
      'UNAUTHENTICATED',
    ]);
    const disabled = await fixture.request(DISABLE, { code: codeAt(secret, 1) }, { identity });
    expect(disabled.data).toEqual({ disableTotp: { id: identity.userId, totpEnabled: false } });
    expect((await logIn('mfa.disable@example.test')).errors).toBeUndefined();
    expect(await fixture.db.prisma.recoveryCode.count({ where: { userId: identity.userId } })).toBe(0);
  });

  it('disables TOTP with an unused recovery code, for an authenticator that was lost', async () => {
    const { identity, recoveryCodes } = await userWithTotp('mfa.lost@example.test');
    const [spent, kept] = [recoveryCodes[0]!, recoveryCodes[1]!];
    expect((await logIn('mfa.lost@example.test', { recoveryCode: spent })).errors).toBeUndefined();
    expect(errorCodes(await fixture.request(DISABLE, { code: spent }, { identity }))).toEqual([
      'UNAUTHENTICATED',
    ]);
    const disabled = await fixture.request(DISABLE, { code: kept.toLowerCase() }, { identity });
    expect(disabled.data).toEqual({ disableTotp: { id: identity.userId, totpEnabled: false } });
    expect((await logIn('mfa.lost@example.test')).errors).toBeUndefined();
  });

  it('takes guesses at the code to disable TOTP from the login budget of the account', async () => {
    // A stolen session must not guess its way past the factor faster than a password guesser at logIn.
    // Four attempts: confirming the factor (its password check) takes one, the guesses the rest.
    await using guarded = await startUsersFixture({ loginsPerAccount: burstOnly(4) });
    const { user } = await signUpUser(guarded, 'mfa.guessing@example.test', TEST_PASSWORD);
    const identity = testIdentity(user.id);
    const totp = await enableTotp(guarded, identity, TEST_PASSWORD);
    const accepted = new Set(
      [-1, 0, 1].map((steps) => totp.generate({ timestamp: Date.now() + steps * STEP_MS })),
    );
    const wrong = ['000000', '111111', '222222', '333333'].find((code) => !accepted.has(code));
    const guesses = [];
    for (let i = 0; i < 4; i++)
      guesses.push(errorCodes(await guarded.request(DISABLE, { code: wrong }, { identity }))[0]);
    expect(guesses).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'RATE_LIMITED']);
    const state = await guarded.request('query { me { totpEnabled } }', {}, { identity });
    expect(state.data).toEqual({ me: { totpEnabled: true } });
  });
});
