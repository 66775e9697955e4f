import { createHmac, timingSafeEqual } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { isRole, isScope } from './scopes.js';
import type { Caller, Identity } from './identity.js';

/**
 * The gateway's word on who is calling, as it travels to subgraphs: in the `x-mib-identity`
 * HTTP header, and in `extensions.identity` of a graphql-ws subscribe message.
 *
 * Form: `v1.<base64url(JSON claims)>.<base64url(HMAC-SHA256)>`. HMAC, not a public-key
 * signature: both ends are ours, and it costs microseconds, once per caller and half minute.
 * Tokens live a minute, so a captured header is soon worthless.
 */
export const IDENTITY_HEADER = 'x-mib-identity';

export const CALLER_TOKEN_TTL_MS = 60_000;

/** A shared secret must carry at least 256 bits to be worth an HMAC key. */
export const MIN_SECRET_LENGTH = 32;

interface CallerClaims {
  readonly sub?: string;
  readonly role?: string;
  readonly scp?: readonly string[];
  readonly cred?: { readonly kind: string; readonly id: string };
  readonly ip: string | null;
  /** Expiry, in milliseconds since the epoch. */
  readonly exp: number;
}

export class CallerTokenError extends Error {
  constructor(readonly reason: 'missing' | 'malformed' | 'forged' | 'expired') {
    super(`caller token ${reason}`);
  }
}

/** Most tokens either cache holds; past it the least recently used go (a flood of callers costs HMACs, not memory). */
const MAX_CACHED_TOKENS = 10_000;

/**
 * Signs and checks caller tokens with one current secret, accepting older ones during rotation.
 * A caller's token is reused while more than half its lifetime is left, and a verified token is
 * remembered until it expires: one HMAC per caller per half minute on each side instead of one
 * per subgraph request (a dashboard makes six).
 */
export class CallerTokens {
  readonly #signingKey: Buffer;
  readonly #verifyingKeys: readonly Buffer[];
  readonly #signed = new LRUCache<string, { readonly token: string; readonly exp: number }>({
    max: MAX_CACHED_TOKENS,
  });
  readonly #verified = new LRUCache<string, { readonly caller: Caller; readonly exp: number }>({
    max: MAX_CACHED_TOKENS,
  });

  /** `secrets[0]` signs; every one of them verifies (rotate by prepending a new secret). */
  constructor(secrets: readonly string[]) {
    if (secrets.length === 0) throw new Error('at least one caller-token secret is needed');
    for (const secret of secrets) {
      if (secret.length < MIN_SECRET_LENGTH)
        throw new Error(`caller-token secrets need at least ${MIN_SECRET_LENGTH} characters`);
    }
    this.#verifyingKeys = secrets.map((secret) => Buffer.from(secret, 'utf8'));
    this.#signingKey = this.#verifyingKeys[0]!;
  }

  sign(caller: Caller, now = Date.now(), ttlMs = CALLER_TOKEN_TTL_MS): string {
    const key = ttlMs === CALLER_TOKEN_TTL_MS ? callerKey(caller) : undefined;
    const reusable = key === undefined ? undefined : this.#signed.get(key);
    const left = reusable ? reusable.exp - now : 0;
    if (reusable && left > ttlMs / 2 && left <= ttlMs) return reusable.token;
    const token = this.#signNew(caller, now + ttlMs);
    if (key !== undefined) this.#signed.set(key, { token, exp: now + ttlMs });
    return token;
  }

  #signNew(caller: Caller, exp: number): string {
    const { identity } = caller;
    const claims: CallerClaims = {
      ...(identity
        ? {
            sub: identity.userId,
            role: identity.role,
            scp: identity.scopes,
            cred: { kind: identity.credential.kind, id: identity.credential.id },
          }
        : {}),
      ip: caller.clientIp,
      exp,
    };
    const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
    return `v1.${body}.${mac(this.#signingKey, body).toString('base64url')}`;
  }

  /** The caller a token vouches for; throws `CallerTokenError` for anything it does not trust. */
  verify(token: unknown, now = Date.now()): Caller {
    if (typeof token !== 'string' || token === '') throw new CallerTokenError('missing');
    const known = this.#verified.get(token);
    if (known) {
      if (known.exp <= now) throw new CallerTokenError('expired');
      return known.caller;
    }
    const [version, body, signature, ...rest] = token.split('.');
    if (version !== 'v1' || !body || !signature || rest.length > 0) throw new CallerTokenError('malformed');
    const given = Buffer.from(signature, 'base64url');
    const genuine = this.#verifyingKeys.some((key) => {
      const expected = mac(key, body);
      return expected.length === given.length && timingSafeEqual(expected, given);
    });
    if (!genuine) throw new CallerTokenError('forged');
    const claims = decodeClaims(body);
    if (claims.exp <= now) throw new CallerTokenError('expired');
    const caller = { identity: identityOf(claims), clientIp: claims.ip };
    this.#verified.set(token, { caller, exp: claims.exp });
    return caller;
  }
}

/** Everything a token says of its caller, as a cache key. */
function callerKey({ identity, clientIp }: Caller): string {
  if (!identity) return `anonymous|${clientIp}`;
  const { userId, role, scopes, credential } = identity;
  return [userId, role, scopes.join(' '), credential.kind, credential.id, clientIp].join('|');
}

const mac = (key: Buffer, body: string): Buffer => createHmac('sha256', key).update(body).digest();

function decodeClaims(body: string): CallerClaims {
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    throw new CallerTokenError('malformed');
  }
  const candidate = claims as Partial<CallerClaims> | null;
  if (
    !candidate ||
    typeof candidate !== 'object' ||
    typeof candidate.exp !== 'number' ||
    !(candidate.ip === null || typeof candidate.ip === 'string')
  )
    throw new CallerTokenError('malformed');
  return candidate as CallerClaims;
}

function identityOf(claims: CallerClaims): Identity | null {
  if (claims.sub === undefined) return null;
  const { sub, role, scp, cred } = claims;
  if (
    typeof sub !== 'string' ||
    !isRole(role) ||
    !Array.isArray(scp) ||
    !scp.every(isScope) ||
    !cred ||
    (cred.kind !== 'session' && cred.kind !== 'apiKey') ||
    typeof cred.id !== 'string'
  )
    throw new CallerTokenError('malformed');
  return { userId: sub, role, scopes: scp, credential: { kind: cred.kind, id: cred.id } };
}
