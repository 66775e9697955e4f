import { createRemoteJWKSet, decodeJwt, errors, jwtVerify, type JWTPayload } from 'jose';
import { LRUCache } from 'lru-cache';
import { isRole, isScope, type Identity } from '@mib/auth';

/** Who issues access tokens (the users subgraph) and for whom; both are checked on every token. */
export const ACCESS_TOKEN_ISSUER = 'market-intel-brain/users';
export const ACCESS_TOKEN_AUDIENCE = 'market-intel-brain';

export class InvalidAccessToken extends Error {
  constructor(
    message: string,
    /** Expired tokens are told apart: a client that does not refresh them is a different bug. */
    readonly expired = false,
  ) {
    super(message);
  }
}

/**
 * Verifies users-subgraph access tokens (EdDSA JWTs) against its published keys: signature, key
 * id, issuer, audience, expiry. The key set is fetched once and again only for an unknown key id
 * (rotation), so verification is local. A verified token is remembered until it expires: a
 * client sends the same token with every request, and Ed25519 verification costs far more than
 * a map lookup.
 */
export class AccessTokenVerifier {
  readonly #keys: ReturnType<typeof createRemoteJWKSet>;
  readonly #refetchCooldownMs: number;
  readonly #verified: LRUCache<string, { identity: Identity; expiresAt: number }>;

  /**
   * `refetchCooldownMs`: the least time between two fetches of the key set, so tokens naming
   * made-up key ids cannot make the gateway hammer the users subgraph.
   */
  constructor(jwksUrl: URL, { refetchCooldownMs = 5_000, maxCachedTokens = 10_000 } = {}) {
    this.#keys = createRemoteJWKSet(jwksUrl, { cooldownDuration: refetchCooldownMs, timeoutDuration: 5_000 });
    this.#refetchCooldownMs = refetchCooldownMs;
    this.#verified = new LRUCache({ max: maxCachedTokens });
  }

  async verify(token: string, now = Date.now()): Promise<Identity> {
    const cached = this.#verified.get(token);
    if (cached && cached.expiresAt > now) return cached.identity;
    if (cached) this.#verified.delete(token);

    let payload: JWTPayload;
    try {
      payload = await this.#verifySignature(token);
    } catch (error) {
      if (keySetUnavailable(error))
        throw new Error('the access-token keys could not be fetched from the users subgraph', {
          cause: error,
        });
      throw new InvalidAccessToken(describe(error), error instanceof errors.JWTExpired);
    }
    const identity = identityOf(payload);
    this.#verified.set(token, { identity, expiresAt: (payload.exp ?? 0) * 1000 });
    return identity;
  }

  /**
   * The token's claims once its signature and claims check out. A key id the key set lacks while
   * it may not be fetched again yet (fetched less than the cooldown ago) is looked up once more
   * after the cooldown: a key the users subgraph has just started signing with (a rotation right
   * after a fetch) is then found, rather than its first tokens refused as signed by an unknown key.
   */
  async #verifySignature(token: string): Promise<JWTPayload> {
    const verify = async () =>
      (
        await jwtVerify(token, this.#keys, {
          issuer: ACCESS_TOKEN_ISSUER,
          audience: ACCESS_TOKEN_AUDIENCE,
          algorithms: ['EdDSA', 'Ed25519'],
          requiredClaims: ['sub', 'exp', 'sid'],
        })
      ).payload;
    try {
      return await verify();
    } catch (error) {
      if (!(error instanceof errors.JWKSNoMatchingKey) || !this.#keys.coolingDown || claimsExpired(token))
        throw error;
      await new Promise((resolve) => setTimeout(resolve, this.#refetchCooldownMs));
      return verify();
    }
  }
}

/** Whether the token, read without verifying it, has expired: its key is then not worth waiting for. */
function claimsExpired(token: string): boolean {
  const { exp } = decodeJwt(token);
  return exp !== undefined && exp * 1000 <= Date.now();
}

function identityOf(payload: JWTPayload): Identity {
  const { sub, role, scope, sid } = payload as JWTPayload & Record<string, unknown>;
  const scopes = typeof scope === 'string' ? scope.split(' ').filter(Boolean) : [];
  if (typeof sub !== 'string' || !isRole(role) || !scopes.every(isScope) || typeof sid !== 'string')
    throw new InvalidAccessToken('the access token has malformed claims');
  return { userId: sub, role, scopes, credential: { kind: 'session', id: sid } };
}

/**
 * Whether fetching the key set failed (a timeout, a non-200 answer, or no key set in it: jose
 * throws its generic JOSEError only there). That says nothing of the token, so it is no reason
 * to refuse it as bad credentials: the request fails as one that could not be checked (503).
 */
const keySetUnavailable = (error: unknown): boolean =>
  error instanceof errors.JWKSTimeout ||
  error instanceof errors.JWKSInvalid ||
  (error instanceof errors.JOSEError && error.code === errors.JOSEError.code);

function describe(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'the access token has expired; refresh it';
  if (error instanceof errors.JWSSignatureVerificationFailed)
    return 'the access token signature is not valid';
  if (error instanceof errors.JWKSNoMatchingKey) return 'the access token was signed with an unknown key';
  if (error instanceof errors.JWTClaimValidationFailed)
    return `the access token is not valid here (${error.claim})`;
  if (error instanceof errors.JOSEAlgNotAllowed)
    return 'the access token uses an algorithm not accepted here';
  if (error instanceof errors.JOSEError) return 'the access token is malformed';
  throw error;
}
