import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT, exportJWK, generateKeyPair, type CryptoKey, type JWK } from 'jose';
import {
  ACCESS_TOKEN_AUDIENCE,
  ACCESS_TOKEN_ISSUER,
  AccessTokenVerifier,
  InvalidAccessToken,
} from '../../src/auth/accessTokens.js';

const USER = '5b1f3c2a-8d4e-4f6a-9b7c-0123456789ab';

interface SigningKey {
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly publicJwk: JWK;
}

const newKey = async (kid: string): Promise<SigningKey> => {
  const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
  return { kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'EdDSA', use: 'sig' } };
};

let published: SigningKey[] = [];
let jwksFetches = 0;
let jwks: Server;
let jwksUrl: URL;

beforeAll(async () => {
  published = [await newKey('k1')];
  jwks = createServer((_req, res) => {
    jwksFetches += 1;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: published.map((key) => key.publicJwk) }));
  });
  await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
  jwksUrl = new URL(`http://127.0.0.1:${(jwks.address() as AddressInfo).port}/.well-known/jwks.json`);
});

afterAll(async () => {
  await new Promise((resolve) => jwks.close(resolve));
});

const sign = (
  key: SigningKey,
  claims: Record<string, unknown> = {},
  options: { issuer?: string; audience?: string; expiresIn?: string | number } = {},
) =>
  new SignJWT({ role: 'trader', scope: 'market:read orders:read orders:write', sid: 'session-1', ...claims })
    .setProtectedHeader({ alg: 'EdDSA', kid: key.kid })
    .setSubject(USER)
    .setIssuer(options.issuer ?? ACCESS_TOKEN_ISSUER)
    .setAudience(options.audience ?? ACCESS_TOKEN_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '15m')
    .sign(key.privateKey);

const rejection = async (verifier: AccessTokenVerifier, token: string): Promise<string> => {
  try {
    await verifier.verify(token);
    return 'accepted';
  } catch (error) {
    if (error instanceof InvalidAccessToken) return error.message;
    throw error;
  }
};

describe('access token verification', () => {
  it('turns a genuine token into the identity it names', async () => {
    const verifier = new AccessTokenVerifier(jwksUrl);
    await expect(verifier.verify(await sign(published[0]!))).resolves.toEqual({
      userId: USER,
      role: 'trader',
      scopes: ['market:read', 'orders:read', 'orders:write'],
      credential: { kind: 'session', id: 'session-1' },
    });
  });

  it('refuses expired, tampered, foreign-key, wrong-issuer and wrong-audience tokens', async () => {
    const verifier = new AccessTokenVerifier(jwksUrl, { refetchCooldownMs: 50 });
    const key = published[0]!;
    expect(
      await rejection(verifier, await sign(key, {}, { expiresIn: Math.floor(Date.now() / 1000) - 10 })),
    ).toMatch(/expired/);

    const genuine = await sign(key);
    const [header, payload, signature] = genuine.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>;
    const admin = Buffer.from(JSON.stringify({ ...claims, role: 'admin', scope: 'admin' })).toString(
      'base64url',
    );
    expect(await rejection(verifier, `${header}.${admin}.${signature}`)).toMatch(/signature/);

    // Signed by a key the users subgraph never published, under a published key id.
    const impostor = { ...(await newKey('k1')) };
    expect(await rejection(verifier, await sign(impostor))).toMatch(/signature/);
    expect(await rejection(verifier, await sign(await newKey('unknown-kid')))).toMatch(/unknown key/);

    expect(await rejection(verifier, await sign(key, {}, { issuer: 'someone-else' }))).toMatch(
      /not valid here/,
    );
    expect(await rejection(verifier, await sign(key, {}, { audience: 'another-api' }))).toMatch(
      /not valid here/,
    );
    expect(await rejection(verifier, await sign(key, { role: 'superuser' }))).toMatch(/malformed claims/);
    expect(await rejection(verifier, 'not.a.jwt')).toMatch(/malformed/);
  });

  it('refuses an unsigned token (alg none)', async () => {
    const verifier = new AccessTokenVerifier(jwksUrl);
    const header = Buffer.from(JSON.stringify({ alg: 'none', kid: 'k1' })).toString('base64url');
    const body = Buffer.from(
      JSON.stringify({
        sub: USER,
        role: 'admin',
        scope: 'admin',
        sid: 's',
        iss: ACCESS_TOKEN_ISSUER,
        aud: ACCESS_TOKEN_AUDIENCE,
        exp: 4e9,
      }),
    ).toString('base64url');
    expect(await rejection(verifier, `${header}.${body}.`)).not.toBe('accepted');
  });

  it('does not call a token malformed while the key set cannot be fetched', async () => {
    // The users subgraph failing (its JWKS route answers 5xx) says nothing of the token: a 401
    // would make front ends sign their users out over an outage.
    const down = createServer((_req, res) => {
      res.statusCode = 503;
      res.end('unavailable');
    });
    await new Promise<void>((resolve) => down.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = down.address() as AddressInfo;
      const verifier = new AccessTokenVerifier(new URL(`http://127.0.0.1:${port}/.well-known/jwks.json`));
      const failure = await verifier.verify(await sign(published[0]!)).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(Error);
      expect(failure).not.toBeInstanceOf(InvalidAccessToken);
    } finally {
      await new Promise((resolve) => down.close(resolve));
    }
  });

  it('picks up a rotated key by its id, and verifies a repeated token from memory', async () => {
    const verifier = new AccessTokenVerifier(jwksUrl, { refetchCooldownMs: 0 });
    const token = await sign(published[0]!);
    await verifier.verify(token);
    const fetchesBefore = jwksFetches;
    for (let i = 0; i < 100; i += 1) await verifier.verify(token);
    expect(jwksFetches).toBe(fetchesBefore);

    const rotated = await newKey('k2');
    published = [rotated, ...published];
    await expect(verifier.verify(await sign(rotated))).resolves.toMatchObject({ userId: USER });
    expect(jwksFetches).toBe(fetchesBefore + 1);
  });

  it('finds a key first used just after the key set was fetched, once the refetch cooldown is over', async () => {
    const verifier = new AccessTokenVerifier(jwksUrl, { refetchCooldownMs: 300 });
    await verifier.verify(await sign(published[0]!));
    const fetchesBefore = jwksFetches;

    // Rotated within the cooldown of that fetch: the new key's first token waits it out.
    const rotated = await newKey('k3');
    published = [rotated, ...published];
    await expect(verifier.verify(await sign(rotated))).resolves.toMatchObject({ userId: USER });
    expect(jwksFetches).toBe(fetchesBefore + 1);

    // A key id nobody publishes is still refused, after at most one more fetch.
    const forged = await newKey('never-published');
    expect(await rejection(verifier, await sign(forged))).toBe(
      'the access token was signed with an unknown key',
    );
    expect(jwksFetches).toBeLessThanOrEqual(fetchesBefore + 2);
  });
});
