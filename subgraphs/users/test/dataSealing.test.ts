import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '@mib/config';
import { DataSealer, SealedColumn } from '../src/credentials/dataSealing.js';
import { usersEnvironment } from '../src/usersEnvironment.js';
import { LEGACY_DATA_KEY, LEGACY_SEALED_TOTP_SECRET, LEGACY_TOTP_SECRET } from './legacySealedValue.js';

const newKey = () => randomBytes(32).toString('base64url');
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const SEALED_FORM = /^sealed:v2:[0-9a-f]{8}:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]+$/;
const ALICE = '6f1c2a4e-0d7b-4c1e-9a53-2b8e61f0c001';
const BOB = '6f1c2a4e-0d7b-4c1e-9a53-2b8e61f0c002';

describe('DataSealer', () => {
  it('seals into the versioned form and opens it again', () => {
    const sealer = new DataSealer([newKey()]);
    const sealed = sealer.seal(SECRET, SealedColumn.totpSecret, ALICE);
    expect(sealed).toMatch(SEALED_FORM);
    expect(sealed).not.toContain(SECRET);
    expect(sealed.split(':')[2]).toBe(sealer.currentKeyId);
    expect(sealer.open(sealed, SealedColumn.totpSecret, ALICE)).toBe(SECRET);
  });

  it('seals the same value differently each time (a fresh IV per value)', () => {
    const sealer = new DataSealer([newKey()]);
    expect(sealer.seal(SECRET, SealedColumn.totpSecret, ALICE)).not.toBe(
      sealer.seal(SECRET, SealedColumn.totpSecret, ALICE),
    );
  });

  it('refuses to open without the key, naming the key id', () => {
    const sealer = new DataSealer([newKey()]);
    const sealed = sealer.seal(SECRET, SealedColumn.totpSecret, ALICE);
    const keyId = sealer.currentKeyId!;
    expect(() => new DataSealer([newKey()]).open(sealed, SealedColumn.totpSecret, ALICE)).toThrow(keyId);
    expect(() => new DataSealer([]).open(sealed, SealedColumn.totpSecret, ALICE)).toThrow(keyId);
  });

  it('refuses a tampered ciphertext', () => {
    const sealer = new DataSealer([newKey()]);
    const sealed = sealer.seal(SECRET, SealedColumn.totpSecret, ALICE);
    const body = Buffer.from(sealed.split(':').at(-1)!, 'base64url');
    body[0]! ^= 1;
    const tampered = [...sealed.split(':').slice(0, -1), body.toString('base64url')].join(':');
    expect(() => sealer.open(tampered, SealedColumn.totpSecret, ALICE)).toThrow(/does not authenticate/);
    expect(() => sealer.open(`${sealed}:extra`, SealedColumn.totpSecret, ALICE)).toThrow(/malformed/);
  });

  it('refuses a value moved to another column', () => {
    const sealer = new DataSealer([newKey()]);
    const sealed = sealer.seal(SECRET, SealedColumn.totpSecret, ALICE);
    expect(() => sealer.open(sealed, SealedColumn.signingKeyPrivateJwk, ALICE)).toThrow(
      /does not authenticate/,
    );
  });

  it("refuses a value moved to another row of its column (one user's TOTP secret onto another)", () => {
    const sealer = new DataSealer([newKey()]);
    const sealed = sealer.seal(SECRET, SealedColumn.totpSecret, ALICE);
    expect(() => sealer.open(sealed, SealedColumn.totpSecret, BOB)).toThrow(/does not authenticate/);
    expect(sealer.open(sealed, SealedColumn.totpSecret, ALICE)).toBe(SECRET);
  });

  it('opens a value sealed before values were bound to their row, and marks it for resealing', () => {
    const sealer = new DataSealer([LEGACY_DATA_KEY]);
    expect(sealer.open(LEGACY_SEALED_TOTP_SECRET, SealedColumn.totpSecret, ALICE)).toBe(LEGACY_TOTP_SECRET);
    expect(() => sealer.open(LEGACY_SEALED_TOTP_SECRET, SealedColumn.signingKeyPrivateJwk, ALICE)).toThrow(
      /does not authenticate/,
    );
    // Under the current key, but in the old format: written again, bound to its row.
    expect(sealer.needsResealing(LEGACY_SEALED_TOTP_SECRET)).toBe(true);
    const resealed = sealer.seal(LEGACY_TOTP_SECRET, SealedColumn.totpSecret, ALICE);
    expect(resealed).toMatch(SEALED_FORM);
    expect(sealer.needsResealing(resealed)).toBe(false);
    expect(() => sealer.open(resealed, SealedColumn.totpSecret, BOB)).toThrow(/does not authenticate/);
  });

  it('refuses a sealed value of a format it does not know rather than reading it as plaintext', () => {
    const sealer = new DataSealer([newKey()]);
    const future = sealer.seal(SECRET, SealedColumn.totpSecret, ALICE).replace('sealed:v2:', 'sealed:v3:');
    expect(() => sealer.open(future, SealedColumn.totpSecret, ALICE)).toThrow(/sealed:v3/);
  });

  it('rotates: the first key seals, every key opens', () => {
    const [oldKey, currentKey] = [newKey(), newKey()];
    const before = new DataSealer([oldKey]);
    const sealedBefore = before.seal(SECRET, SealedColumn.totpSecret, ALICE);
    const after = new DataSealer([currentKey, oldKey]);
    expect(after.open(sealedBefore, SealedColumn.totpSecret, ALICE)).toBe(SECRET);
    expect(after.needsResealing(sealedBefore)).toBe(true);
    const sealedAfter = after.seal(SECRET, SealedColumn.totpSecret, ALICE);
    expect(sealedAfter.split(':')[2]).toBe(new DataSealer([currentKey]).currentKeyId);
    expect(sealedAfter.split(':')[2]).not.toBe(before.currentKeyId);
    expect(after.needsResealing(sealedAfter)).toBe(false);
    expect(() => before.open(sealedAfter, SealedColumn.totpSecret, ALICE)).toThrow(/not among/);
  });

  it('reads legacy plaintext as it is, and stores plaintext without a key', () => {
    const sealer = new DataSealer([newKey()]);
    expect(sealer.open(SECRET, SealedColumn.totpSecret, ALICE)).toBe(SECRET);
    expect(sealer.needsResealing(SECRET)).toBe(true);
    const none = new DataSealer([]);
    expect(none.sealing).toBe(false);
    expect(none.seal(SECRET, SealedColumn.totpSecret, ALICE)).toBe(SECRET);
    expect(none.needsResealing(SECRET)).toBe(false);
  });

  it('refuses keys shorter than 32 characters', () => {
    expect(() => new DataSealer(['too short'])).toThrow(/32 characters/);
  });
});

describe('USERS_DATA_KEYS', () => {
  it('is a comma-separated list, newest first', () => {
    const [a, b] = [newKey(), newKey()];
    expect(loadConfig('users', usersEnvironment, { USERS_DATA_KEYS: `${a}, ${b}` }).USERS_DATA_KEYS).toEqual([
      a,
      b,
    ]);
  });

  it('is optional outside production and required in it', () => {
    expect(loadConfig('users', usersEnvironment, {}).USERS_DATA_KEYS).toBeUndefined();
    expect(() => loadConfig('users', usersEnvironment, { NODE_ENV: 'production' })).toThrow(
      /USERS_DATA_KEYS: required in production/,
    );
    expect(() => loadConfig('users', usersEnvironment, { USERS_DATA_KEYS: 'short' })).toThrow(
      /USERS_DATA_KEYS/,
    );
  });
});
