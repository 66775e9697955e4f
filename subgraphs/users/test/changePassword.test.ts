import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Identity } from '@mib/auth';
import { errorCodes } from '@mib/subgraph-kit/testing';
import {
  AUTH_FIELDS,
  enableTotp,
  sessionIdentityOf,
  sessionIdOf,
  signUpUser,
  TEST_PASSWORD,
  type AuthResult,
} from './usersFixture.js';
import { burstOnly, freshClientIp, startUsersFixture, type UsersFixture } from './usersFixture.js';

let fixture: UsersFixture;
beforeAll(async () => {
  fixture = await startUsersFixture({ loginsPerAccount: burstOnly(4), loginsPerClientIp: burstOnly(100) });
});
afterAll(() => fixture[Symbol.asyncDispose]());

const NEW_PASSWORD = 'a brand new passphrase';
const CHANGE = `mutation($input: ChangePasswordInput!) { changePassword(input: $input) { ${AUTH_FIELDS} } }`;

const logIn = (email: string, password: string) => fixture.logIn({ email, password });

const change = (identity: Identity | null, input: Record<string, unknown>) =>
  fixture.request<{ changePassword: AuthResult }>(CHANGE, { input }, { identity, clientIp: freshClientIp() });

const isLive = async (sessionId: string) =>
  (await fixture.db.prisma.sessionFamily.findUniqueOrThrow({ where: { id: sessionId } })).revokedAt === null;

describe('changePassword', () => {
  it('sets the new password, ends every session of the account and starts a new one', async () => {
    const first = await signUpUser(fixture, 'change@example.test', TEST_PASSWORD);
    const other = (await logIn('change@example.test', TEST_PASSWORD)).data!.logIn;

    const changed = await change(sessionIdentityOf(first), {
      currentPassword: TEST_PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    expect(changed.errors).toBeUndefined();
    const fresh = changed.data!.changePassword;
    expect(fresh.user.id).toBe(first.user.id);

    for (const ended of [first, other]) {
      expect(await isLive(sessionIdOf(ended.accessToken))).toBe(false);
      expect(errorCodes(await fixture.refresh(ended.refreshToken))).toEqual(['UNAUTHENTICATED']);
    }
    expect(await isLive(sessionIdOf(fresh.accessToken))).toBe(true);
    expect((await fixture.refresh(fresh.refreshToken)).errors).toBeUndefined();

    expect(errorCodes(await logIn('change@example.test', TEST_PASSWORD))).toEqual(['UNAUTHENTICATED']);
    expect((await logIn('change@example.test', NEW_PASSWORD)).errors).toBeUndefined();
  });

  it.each([
    [
      'a wrong current password',
      { currentPassword: 'not the password at all', newPassword: NEW_PASSWORD },
      'currentPassword',
    ],
    ['a short new password', { currentPassword: TEST_PASSWORD, newPassword: 'elevenchars' }, 'newPassword'],
    [
      'the current password again',
      { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD },
      'newPassword',
    ],
  ])('refuses %s with BAD_USER_INPUT and changes nothing', async (refused, input, argument) => {
    const auth = await signUpUser(fixture, `${refused.replaceAll(' ', '.')}@example.test`, TEST_PASSWORD);
    const before = await fixture.db.prisma.user.findUniqueOrThrow({ where: { id: auth.user.id } });

    const response = await change(sessionIdentityOf(auth), input);
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors?.[0]?.extensions?.['argument']).toBe(argument);

    const after = await fixture.db.prisma.user.findUniqueOrThrow({ where: { id: auth.user.id } });
    expect(after.passwordHash).toBe(before.passwordHash);
    expect(await isLive(sessionIdOf(auth.accessToken))).toBe(true);
  });

  it('lets one of two concurrent changes from the same password through', async () => {
    const auth = await signUpUser(fixture, 'racing@example.test', TEST_PASSWORD);
    const identity = sessionIdentityOf(auth);
    const outcomes = await Promise.all(
      ['first new passphrase', 'second new passphrase'].map((newPassword) =>
        change(identity, { currentPassword: TEST_PASSWORD, newPassword }),
      ),
    );
    expect(outcomes.map((outcome) => errorCodes(outcome)).sort()).toEqual([[], ['BAD_USER_INPUT']]);
  });

  it('takes guesses at the current password from the login budget of the account', async () => {
    const auth = await signUpUser(fixture, 'guessing@example.test', TEST_PASSWORD);
    for (let attempt = 0; attempt < 4; attempt++)
      expect(
        errorCodes(
          await change(sessionIdentityOf(auth), {
            currentPassword: `guess number ${attempt}!`,
            newPassword: NEW_PASSWORD,
          }),
        ),
      ).toEqual(['BAD_USER_INPUT']);
    // The right password no longer helps, and logIn shares the empty bucket.
    expect(
      errorCodes(
        await change(sessionIdentityOf(auth), { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD }),
      ),
    ).toEqual(['RATE_LIMITED']);
    expect(errorCodes(await logIn('guessing@example.test', TEST_PASSWORD))).toEqual(['RATE_LIMITED']);
  });

  it('is refused to anonymous callers and to API keys', async () => {
    const auth = await signUpUser(fixture, 'by.api.key@example.test', TEST_PASSWORD);
    const input = { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD };
    expect(errorCodes(await change(null, input))).toEqual(['UNAUTHENTICATED']);
    const apiKey: Identity = { ...sessionIdentityOf(auth), credential: { kind: 'apiKey', id: 'k' } };
    expect(errorCodes(await change(apiKey, input))).toEqual(['FORBIDDEN']);
    expect(await isLive(sessionIdOf(auth.accessToken))).toBe(true);
  });

  it('asks for the second factor when TOTP is on', async () => {
    const auth = await signUpUser(fixture, 'change.mfa@example.test', TEST_PASSWORD);
    const identity = sessionIdentityOf(auth);
    const totp = await enableTotp(fixture, identity, TEST_PASSWORD);

    const input = { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD };
    expect(errorCodes(await change(identity, input))).toEqual(['MFA_REQUIRED']);
    // confirmTotp spent this step's code; the next step's is inside the accepted window.
    const nextCode = totp.generate({ timestamp: Date.now() + 30_000 });
    expect((await change(identity, { ...input, totpCode: nextCode })).errors).toBeUndefined();
    expect((await logIn('change.mfa@example.test', NEW_PASSWORD)).errors?.[0]?.extensions?.['code']).toBe(
      'MFA_REQUIRED',
    );
  });
});
