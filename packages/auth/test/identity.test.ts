import { describe, expect, it } from 'vitest';
import {
  CALLER_TOKEN_TTL_MS,
  CallerTokenError,
  CallerTokens,
  mayAccess,
  requireIdentity,
  requireOwner,
  scopesOfRole,
} from '../src/index.js';
import { testIdentity } from '../src/testing.js';

const USER = '5b1f3c2a-8d4e-4f6a-9b7c-0123456789ab';
const OTHER = '0c4a8e1d-2b3f-4a5c-8d6e-9f0a1b2c3d4e';
const SECRET = 'a'.repeat(32);
const tokens = new CallerTokens([SECRET]);

const reasonOf = (action: () => unknown): string | undefined => {
  try {
    action();
    return undefined;
  } catch (error) {
    return error instanceof CallerTokenError ? error.reason : String(error);
  }
};

describe('caller tokens', () => {
  it('round-trip an identity and an anonymous caller', () => {
    const identity = testIdentity(USER, 'analyst');
    expect(tokens.verify(tokens.sign({ identity, clientIp: '10.0.0.1' }))).toEqual({
      identity,
      clientIp: '10.0.0.1',
    });
    expect(tokens.verify(tokens.sign({ identity: null, clientIp: null }))).toEqual({
      identity: null,
      clientIp: null,
    });
  });

  it('refuse missing, malformed, forged and expired tokens', () => {
    const token = tokens.sign({ identity: testIdentity(USER), clientIp: null }, 1_000, 500);
    expect(reasonOf(() => tokens.verify(undefined))).toBe('missing');
    expect(reasonOf(() => tokens.verify('{"userId":"x"}'))).toBe('malformed');
    expect(reasonOf(() => tokens.verify(token, 1_600))).toBe('expired');
    expect(reasonOf(() => new CallerTokens(['b'.repeat(32)]).verify(token, 1_200))).toBe('forged');
    // A tampered body with the original signature: the admin role was not what was signed.
    const [, body, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(body!, 'base64url').toString()) as Record<string, unknown>;
    const tampered = Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString('base64url');
    expect(reasonOf(() => tokens.verify(`v1.${tampered}.${signature}`, 1_200))).toBe('forged');
  });

  it("reuse a caller's token for half its lifetime, and only for that very caller", () => {
    const caller = { identity: testIdentity(USER, 'trader'), clientIp: '10.0.0.1' };
    const first = tokens.sign(caller, 1_000);
    expect(tokens.sign({ ...caller }, 1_000 + CALLER_TOKEN_TTL_MS / 2 - 1)).toBe(first);
    expect(tokens.sign(caller, 1_000 + CALLER_TOKEN_TTL_MS / 2)).not.toBe(first);
    expect(tokens.sign({ ...caller, clientIp: '10.0.0.2' }, 1_000)).not.toBe(first);
    expect(tokens.sign({ ...caller, identity: testIdentity(USER, 'admin') }, 1_000)).not.toBe(first);
    expect(tokens.sign({ identity: null, clientIp: '10.0.0.1' }, 1_000)).not.toBe(first);
  });

  it('remember a verified token only until it expires', () => {
    const token = tokens.sign({ identity: testIdentity(USER), clientIp: null }, 5_000, 500);
    expect(tokens.verify(token, 5_100).identity?.userId).toBe(USER);
    expect(tokens.verify(token, 5_499).identity?.userId).toBe(USER);
    expect(reasonOf(() => tokens.verify(token, 5_500))).toBe('expired');
  });

  it('accept tokens signed with a previous secret during rotation', () => {
    const rotated = new CallerTokens(['c'.repeat(32), SECRET]);
    const old = tokens.sign({ identity: null, clientIp: null });
    expect(rotated.verify(old).identity).toBeNull();
    expect(reasonOf(() => tokens.verify(rotated.sign({ identity: null, clientIp: null })))).toBe('forged');
  });

  it('refuse secrets too short to be keys', () => {
    expect(() => new CallerTokens(['short'])).toThrow(/at least 32/);
    expect(() => new CallerTokens([])).toThrow();
  });
});

describe('access rules', () => {
  it('refuse anonymous callers with UNAUTHENTICATED', () => {
    expect(() => requireIdentity(null)).toThrowError(
      expect.objectContaining({ extensions: { code: 'UNAUTHENTICATED' } }) as Error,
    );
  });

  it('let owners and admins at a user’s data, and nobody else', () => {
    expect(requireOwner(testIdentity(USER), USER).userId).toBe(USER);
    expect(requireOwner(testIdentity(OTHER, 'admin'), USER).userId).toBe(OTHER);
    expect(() => requireOwner(testIdentity(OTHER), USER)).toThrowError(
      expect.objectContaining({ extensions: { code: 'FORBIDDEN' } }) as Error,
    );
    expect(mayAccess(testIdentity(OTHER, 'analyst'), USER)).toBe(false);
    expect(mayAccess(null, USER)).toBe(false);
  });

  it('grant each role its scopes', () => {
    expect(scopesOfRole('trader')).toContain('orders:write');
    expect(scopesOfRole('analyst')).not.toContain('orders:write');
    expect(scopesOfRole('admin')).toContain('admin');
    for (const role of ['trader', 'analyst', 'admin'] as const)
      expect(scopesOfRole(role)).toContain('watchlist:write');
  });
});
