import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeJwt } from 'jose';
import { DEMO_PASSWORDS, DEMO_TRADER_ID, seedDemoData } from '@mib/db';
import { errorCodes } from '@mib/subgraph-kit/testing';
import { LOG_IN, startUsersFixture, type AuthResult, type UsersFixture } from './usersFixture.js';

let fixture: UsersFixture;
beforeAll(async () => {
  fixture = await startUsersFixture();
  await seedDemoData(fixture.db.prisma);
});
afterAll(() => fixture[Symbol.asyncDispose]());

const logIn = (email: string, password: string) =>
  fixture.request<{ logIn: AuthResult }>(LOG_IN, { input: { email, password } });

describe('demo accounts', () => {
  it('let the README’s trader and admin log in with their roles’ scopes', async () => {
    const trader = await logIn('trader@demo.mib.local', DEMO_PASSWORDS['trader@demo.mib.local']!);
    expect(trader.data?.logIn.user).toEqual({
      id: DEMO_TRADER_ID,
      email: 'trader@demo.mib.local',
      role: 'TRADER',
    });
    const admin = await logIn('admin@demo.mib.local', DEMO_PASSWORDS['admin@demo.mib.local']!);
    expect(decodeJwt(admin.data!.logIn.accessToken)).toMatchObject({
      role: 'admin',
      scope: expect.stringContaining('admin') as unknown,
    });
  });

  it('gives the analyst a password and the market maker none', async () => {
    const analyst = await fixture.db.prisma.user.findUniqueOrThrow({
      where: { email: 'analyst@demo.mib.local' },
    });
    expect(analyst.passwordHash).toMatch(/^\$scrypt\$ln=17,r=8,p=1\$/);
    expect(errorCodes(await logIn('liquidity@demo.mib.local', 'demo-trader-2026'))).toEqual([
      'UNAUTHENTICATED',
    ]);
  });

  it('keeps a changed password when the seed runs again', async () => {
    await fixture.db.prisma.user.update({ where: { id: DEMO_TRADER_ID }, data: { passwordHash: 'changed' } });
    await seedDemoData(fixture.db.prisma);
    const trader = await fixture.db.prisma.user.findUniqueOrThrow({ where: { id: DEMO_TRADER_ID } });
    expect(trader.passwordHash).toBe('changed');
  });
});
