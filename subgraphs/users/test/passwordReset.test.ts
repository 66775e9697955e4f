import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Identity } from '@mib/auth';
import { testIdentity } from '@mib/auth/testing';
import { errorCodes } from '@mib/subgraph-kit/testing';
import { issuePasswordReset } from '../src/accounts/passwordReset.js';
import {
  enableTotp,
  sessionIdentityOf,
  signUpUser,
  TEST_PASSWORD,
  startUsersFixture,
  type UsersFixture,
} from './usersFixture.js';

let fixture: UsersFixture;
beforeAll(async () => {
  fixture = await startUsersFixture();
});
afterAll(() => fixture[Symbol.asyncDispose]());

const NEW_PASSWORD = 'a password from the desk';
const ISSUE = 'mutation($userId: ID!) { issuePasswordReset(userId: $userId) { token expiresAt } }';
const RESET = 'mutation($input: ResetPasswordInput!) { resetPassword(input: $input) }';
const admin = testIdentity(randomUUID(), 'admin');

const issue = async (userId: string, identity: Identity = admin) =>
  fixture.request<{ issuePasswordReset: { token: string; expiresAt: string } }>(
    ISSUE,
    { userId },
    { identity },
  );
const tokenFor = async (userId: string) => {
  const response = await issue(userId);
  if (!response.data) throw new Error(JSON.stringify(response.errors));
  return response.data.issuePasswordReset.token;
};
const reset = (token: string, newPassword = NEW_PASSWORD) =>
  fixture.request<{ resetPassword: boolean }>(RESET, { input: { token, newPassword } });
const logIn = (email: string, password: string) => fixture.logIn({ email, password });
const passwordHashOf = async (userId: string) =>
  (await fixture.db.prisma.user.findUniqueOrThrow({ where: { id: userId } })).passwordHash;

describe('password reset', () => {
  it('lets the user set a new password once, ending every session', async () => {
    const auth = await signUpUser(fixture, 'forgot@example.test', TEST_PASSWORD);
    const issued = await issue(auth.user.id);
    expect(issued.errors).toBeUndefined();
    const { token, expiresAt } = issued.data!.issuePasswordReset;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(new Date(expiresAt).getTime() - Date.now()).toBeGreaterThan(59 * 60_000);
    const stored = await fixture.db.prisma.passwordReset.findFirstOrThrow({
      where: { userId: auth.user.id },
    });
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);

    expect((await reset(token)).data).toEqual({ resetPassword: true });
    expect(errorCodes(await fixture.refresh(auth.refreshToken))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await logIn('forgot@example.test', TEST_PASSWORD))).toEqual(['UNAUTHENTICATED']);
    expect((await logIn('forgot@example.test', NEW_PASSWORD)).errors).toBeUndefined();

    const before = await passwordHashOf(auth.user.id);
    expect(errorCodes(await reset(token, 'yet another new password'))).toEqual(['UNAUTHENTICATED']);
    expect(await passwordHashOf(auth.user.id)).toBe(before);
  });

  it('honours only the newest reset, and none past its hour', async () => {
    const auth = await signUpUser(fixture, 'reissued@example.test', TEST_PASSWORD);
    const older = await tokenFor(auth.user.id);
    await tokenFor(auth.user.id);
    const expired = await issuePasswordReset(
      fixture.db.prisma,
      auth.user.id,
      new Date(Date.now() - 2 * 60 * 60_000),
    );
    const before = await passwordHashOf(auth.user.id);
    for (const token of [older, expired.token, 'x'.repeat(43)])
      expect(errorCodes(await reset(token))).toEqual(['UNAUTHENTICATED']);
    expect(await passwordHashOf(auth.user.id)).toBe(before);
  });

  it('keeps one token in circulation when two desks issue at once', async () => {
    const auth = await signUpUser(fixture, 'two.desks@example.test', TEST_PASSWORD);
    const tokens = await Promise.all([tokenFor(auth.user.id), tokenFor(auth.user.id)]);
    expect(new Set(tokens).size).toBe(2);
    expect(
      await fixture.db.prisma.passwordReset.count({ where: { userId: auth.user.id, usedAt: null } }),
    ).toBe(1);
  });

  it('retires an unused reset when the user changes the password', async () => {
    const auth = await signUpUser(fixture, 'changed.first@example.test', TEST_PASSWORD);
    const token = await tokenFor(auth.user.id);
    const changed = await fixture.request(
      'mutation($input: ChangePasswordInput!) { changePassword(input: $input) { accessToken } }',
      { input: { currentPassword: TEST_PASSWORD, newPassword: 'changed by the owner' } },
      { identity: sessionIdentityOf(auth) },
    );
    expect(changed.errors).toBeUndefined();
    expect(errorCodes(await reset(token))).toEqual(['UNAUTHENTICATED']);
    expect((await logIn('changed.first@example.test', 'changed by the owner')).errors).toBeUndefined();
  });

  it('lets exactly one of two concurrent resets with one token through', async () => {
    const auth = await signUpUser(fixture, 'twice@example.test', TEST_PASSWORD);
    const token = await tokenFor(auth.user.id);
    const outcomes = await Promise.all([
      reset(token, 'first new password'),
      reset(token, 'second new password'),
    ]);
    expect(outcomes.map((outcome) => errorCodes(outcome)).sort()).toEqual([[], ['UNAUTHENTICATED']]);
    const winner = outcomes.findIndex((outcome) => outcome.data?.resetPassword);
    const password = winner === 0 ? 'first new password' : 'second new password';
    expect((await logIn('twice@example.test', password)).errors).toBeUndefined();
  });

  it('refuses a short new password and keeps the token usable', async () => {
    const auth = await signUpUser(fixture, 'short.reset@example.test', TEST_PASSWORD);
    const token = await tokenFor(auth.user.id);
    const response = await reset(token, 'elevenchars');
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors?.[0]?.extensions?.['argument']).toBe('newPassword');
    expect((await reset(token)).data).toEqual({ resetPassword: true });
  });

  it('is issued only by an admin, from a session, for a user who exists', async () => {
    const auth = await signUpUser(fixture, 'not.yours@example.test', TEST_PASSWORD);
    expect(errorCodes(await issue(auth.user.id, sessionIdentityOf(auth)))).toEqual(['FORBIDDEN']);
    const adminKey: Identity = { ...admin, credential: { kind: 'apiKey', id: 'k' } };
    expect(errorCodes(await issue(auth.user.id, adminKey))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await issue(randomUUID()))).toEqual(['NOT_FOUND']);
    expect(await fixture.db.prisma.passwordReset.count({ where: { userId: auth.user.id } })).toBe(0);
  });

  it('replaces the password only: with TOTP on, logging in still needs a code', async () => {
    const auth = await signUpUser(fixture, 'reset.mfa@example.test', TEST_PASSWORD);
    await enableTotp(fixture, sessionIdentityOf(auth), TEST_PASSWORD);

    await reset(await tokenFor(auth.user.id));
    expect(errorCodes(await logIn('reset.mfa@example.test', NEW_PASSWORD))).toEqual(['MFA_REQUIRED']);
  });
});
