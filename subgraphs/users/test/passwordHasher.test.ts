import { describe, expect, it } from 'vitest';
import { OWASP_SCRYPT_COST, PasswordHasher } from '../src/credentials/passwordHasher.js';
import { TEST_PASSWORD_COST } from './usersFixture.js';

const hasher = new PasswordHasher(TEST_PASSWORD_COST);

describe('PasswordHasher', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hasher.hash('correct horse battery staple');
    expect(await hasher.verify('correct horse battery staple', stored)).toEqual({
      matches: true,
      needsRehash: false,
    });
    expect((await hasher.verify('correct horse battery stapler', stored)).matches).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hasher.hash('same password here')).not.toBe(await hasher.hash('same password here'));
  });

  it('treats canonically equivalent Unicode spellings as the same password', async () => {
    const stored = await hasher.hash('caf\u00e9 au lait 2026');
    expect((await hasher.verify('cafe\u0301 au lait 2026', stored)).matches).toBe(true);
  });

  it('verifies hashes of another cost and asks for a rehash', async () => {
    const stronger = new PasswordHasher({ logN: 11, r: 8, p: 1 });
    const stored = await hasher.hash('old password 123');
    expect(await stronger.verify('old password 123', stored)).toEqual({ matches: true, needsRehash: true });
  });

  it('refuses when there is no stored hash or a malformed one', async () => {
    expect(await hasher.verify('anything at all', null)).toEqual({ matches: false, needsRehash: false });
    expect((await hasher.verify('anything at all', '$bcrypt$whatever')).matches).toBe(false);
  });

  it('runs at OWASP’s cost (N=2^17, 128 MiB) by default', async () => {
    const owasp = new PasswordHasher();
    expect(owasp.cost).toEqual(OWASP_SCRYPT_COST);
    const stored = await owasp.hash('correct horse battery staple');
    expect(stored).toMatch(/^\$scrypt\$ln=17,r=8,p=1\$/);
    expect((await owasp.verify('correct horse battery staple', stored)).matches).toBe(true);
  });
});
