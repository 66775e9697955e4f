import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '@mib/config';
import { DataSealer, SealedColumn } from '../src/credentials/dataSealing.js';
import { usersEnvironment } from '../src/usersEnvironment.js';

const newKey = () => randomBytes(32).toString('base64url');
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const SEALED_FORM = /^sealed:v1:[0-9a-f]{8}:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]+$/;

describe('DataSealer', () => {
  it('seals into the versioned form and opens it again', () => {
    const sealer = new DataSealer([newKey()]);
    const sealed = sealer.seal(SECRET, SealedColumn.totpSecret);
    expect(sealed).toMatch(SEALED_FORM);
    expect(sealed).not.toContain(SECRET);
    expect(sealed.split(':')[2]).toBe(sealer.currentKeyId);
    expect(sealer.open(sealed, SealedColumn.totpSecret)).toBe(SECRET);
  });

  it('seals the same value differently each time (a fresh IV per value)', () => {
    const sealer = new DataSealer([newKey()]);
    expect(sealer.seal(SECRET, SealedColumn.totpSecret)).not.toBe(
      sealer.seal(SECRET, SealedColumn.totpSecret),
    );
  });

  it('refuses to open without the key, naming the key id', () => {
    const sealer = new DataSealer([newKey()]);
    const sealed = sealer.seal(SECRET, SealedColumn.totpSecret);
    const keyId = sealer.currentKeyId!;
    expect(() => new DataSealer([newKey()]).open(sealed, SealedColumn.totpSecret)).toThrow(keyId);
    expect(() => new DataSealer([]).open(sealed, SealedColumn.totpSecret)).toThrow(keyId);
  });

  it('refuses a tampered ciphertext', () => {
    const sealer = new DataSealer([newKey()]);
    const sealed = sealer.seal(SECRET, SealedColumn.totpSecret);
    const body = Buffer.from(sealed.split(':').at(-1)!, 'base64url');
    body[0]! ^= 1;
    const tampered = [...sealed.split(':').slice(0, -1), body.toString('base64url')].join(':');
    expect(() => sealer.open(tampered, SealedColumn.totpSecret)).toThrow(/does not authenticate/);
    expect(() => sealer.open(`${sealed}:extra`, SealedColumn.totpSecret)).toThrow(/malformed/);
  });

  it('refuses a value moved to another column', () => {
    const sealer = new DataSealer([newKey()]);
    const sealed = sealer.seal(SECRET, SealedColumn.totpSecret);
    expect(() => sealer.open(sealed, SealedColumn.signingKeyPrivateJwk)).toThrow(/does not authenticate/);
  });

  it('rotates: the first key seals, every key opens', () => {
    const [oldKey, currentKey] = [newKey(), newKey()];
    const before = new DataSealer([oldKey]);
    const sealedBefore = before.seal(SECRET, SealedColumn.totpSecret);
    const after = new DataSealer([currentKey, oldKey]);
    expect(after.open(sealedBefore, SealedColumn.totpSecret)).toBe(SECRET);
    expect(after.needsResealing(sealedBefore)).toBe(true);
    const sealedAfter = after.seal(SECRET, SealedColumn.totpSecret);
    expect(sealedAfter.split(':')[2]).toBe(new DataSealer([currentKey]).currentKeyId);
    expect(sealedAfter.split(':')[2]).not.toBe(before.currentKeyId);
    expect(after.needsResealing(sealedAfter)).toBe(false);
    expect(() => before.open(sealedAfter, SealedColumn.totpSecret)).toThrow(/not among/);
  });

  it('reads legacy plaintext as it is, and stores plaintext without a key', () => {
    const sealer = new DataSealer([newKey()]);
    expect(sealer.open(SECRET, SealedColumn.totpSecret)).toBe(SECRET);
    expect(sealer.needsResealing(SECRET)).toBe(true);
    const none = new DataSealer([]);
    expect(none.sealing).toBe(false);
    expect(none.seal(SECRET, SealedColumn.totpSecret)).toBe(SECRET);
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
