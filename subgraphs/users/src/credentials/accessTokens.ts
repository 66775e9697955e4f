import { SignJWT } from 'jose';
import type { Role } from '@mib/auth';
import { SIGNING_ALGORITHM, type SigningKeys } from './signingKeys.js';

/** `iss` of every access token: the users subgraph issued it. */
export const ACCESS_TOKEN_ISSUER = 'market-intel-brain/users';
/** `aud`: the platform's gateway accepts it. */
export const ACCESS_TOKEN_AUDIENCE = 'market-intel-brain';

export interface AccessTokenSubject {
  readonly userId: string;
  readonly role: Role;
  readonly scopes: readonly string[];
  /** The session (refresh-token family) the token belongs to. */
  readonly sessionId: string;
}

export interface IssuedAccessToken {
  readonly token: string;
  readonly expiresAt: Date;
}

/**
 * Signs a short-lived access token (a JWT, RFC 7519) with the current Ed25519 key: `sub`,
 * `role`, `scope` (space-separated, RFC 8693 §4.2), `sid`, `iss`, `aud`, `iat`, `exp`, and the
 * key's `kid` in the header so verifiers pick the right key from the JWKS.
 */
export async function issueAccessToken(
  keys: SigningKeys,
  subject: AccessTokenSubject,
  lifetimeMs: number,
  now = Date.now(),
): Promise<IssuedAccessToken> {
  const signingKey = await keys.current();
  const issuedAt = Math.floor(now / 1000);
  const expiresAt = issuedAt + Math.floor(lifetimeMs / 1000);
  const token = await new SignJWT({
    role: subject.role,
    scope: subject.scopes.join(' '),
    sid: subject.sessionId,
  })
    .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid: signingKey.kid, typ: 'JWT' })
    .setSubject(subject.userId)
    .setIssuer(ACCESS_TOKEN_ISSUER)
    .setAudience(ACCESS_TOKEN_AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(expiresAt)
    .sign(signingKey.key);
  return { token, expiresAt: new Date(expiresAt * 1000) };
}
