/**
 * The caller of an operation as the gateway established it, handed to every subgraph.
 *
 * Stage note: the gateway currently accepts a bearer token that names the user (development
 * authentication); the identity issue replaces that with verified JWTs and API keys and signs
 * this header, so subgraphs reject identities the gateway did not issue.
 */
export interface Identity {
  readonly userId: string;
}

/** The HTTP header (and graphql-ws `extensions.identity`) that carries the identity. */
export const IDENTITY_HEADER = 'x-mib-identity';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads an identity from its wire form; anything malformed is no identity at all. */
export function parseIdentity(value: unknown): Identity | null {
  const decoded = typeof value === 'string' ? safeJson(value) : value;
  if (!decoded || typeof decoded !== 'object') return null;
  const userId = (decoded as Record<string, unknown>)['userId'];
  return typeof userId === 'string' && UUID_PATTERN.test(userId) ? { userId } : null;
}

export const serializeIdentity = (identity: Identity): string => JSON.stringify({ userId: identity.userId });

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * Development authentication: `Authorization: Bearer <user id>`. Returns null for a missing or
 * malformed token; the caller decides whether anonymous access is allowed.
 */
export function authenticateBearer(authorization: string | undefined): Identity | null {
  const token = authorization?.replace(/^Bearer\s+/i, '').trim();
  return token && UUID_PATTERN.test(token) ? { userId: token.toLowerCase() } : null;
}
