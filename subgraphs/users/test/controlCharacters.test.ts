import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testIdentity } from '@mib/auth/testing';
import { errorCodes } from '@mib/subgraph-kit/testing';
import {
  freshClientIp,
  SIGN_UP,
  signUpUser,
  startUsersFixture,
  TEST_PASSWORD,
  type UsersFixture,
} from './usersFixture.js';

let fixture: UsersFixture;
beforeAll(async () => {
  fixture = await startUsersFixture();
});
afterAll(() => fixture[Symbol.asyncDispose]());

const CREATE_KEY = 'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { key } }';

/** PostgreSQL text cannot hold NUL: unchecked, such input reached the database and failed there. */
describe('text with control characters', () => {
  it.each([
    ['an email', { email: 'nul\u0000@example.test', displayName: 'Nul' }, 'email'],
    ['a display name', { email: 'nul.name@example.test', displayName: 'Nul\u0000Name' }, 'displayName'],
    ['a display name', { email: 'newline.name@example.test', displayName: 'Two\nLines' }, 'displayName'],
  ])('refuses %s at sign-up with BAD_USER_INPUT and writes nothing', async (_case, fields, argument) => {
    const before = await fixture.db.prisma.user.count();
    const response = await fixture.request(
      SIGN_UP,
      { input: { ...fields, password: TEST_PASSWORD } },
      { clientIp: freshClientIp() },
    );
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors?.[0]?.extensions?.['argument']).toBe(argument);
    expect(await fixture.db.prisma.user.count()).toBe(before);
  });

  it('refuses an email at login with BAD_USER_INPUT, as one no account can have', async () => {
    const response = await fixture.logIn({ email: 'nul\u0000@example.test', password: TEST_PASSWORD });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors?.[0]?.extensions?.['argument']).toBe('email');
  });

  it('refuses an absurdly long email at login before looking anyone up', async () => {
    const response = await fixture.logIn({
      email: `${'a'.repeat(50_000)}@example.test`,
      password: TEST_PASSWORD,
    });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors?.[0]?.extensions?.['argument']).toBe('email');
  });

  it('refuses an API key name with BAD_USER_INPUT and creates no key', async () => {
    const { user } = await signUpUser(fixture, 'nul.key@example.test');
    const response = await fixture.request(
      CREATE_KEY,
      { input: { name: 'bot\u0000', scopes: ['market:read'] } },
      { identity: testIdentity(user.id) },
    );
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors?.[0]?.extensions?.['argument']).toBe('name');
    expect(await fixture.db.prisma.apiKey.count({ where: { userId: user.id } })).toBe(0);
  });
});
