import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { isRole, isScope, type CallerTokens, type Identity } from '@mib/auth';
import { postToUsersRoute } from './usersInternalRoute.js';

/** How an API key looks: `mib_<key id>_<secret>`; anything else is not worth a round trip. */
export const API_KEY_PATTERN = /^mib_[A-Za-z0-9-]+_[A-Za-z0-9_-]+$/;

export class InvalidApiKey extends Error {}

/**
 * Checks API keys with the users subgraph, which alone holds their hashes
 * (`POST /internal/api-keys/verify`, signed like every gateway call). Answers are remembered for
 * `ttlMs` under the key's hash, so a client's burst costs one round trip; a revoked key stops
 * working within that time.
 */
export class ApiKeyAuthenticator {
  readonly #answers: LRUCache<string, { identity: Identity | null; until: number }>;

  constructor(
    private readonly verifyUrl: URL,
    private readonly callerTokens: CallerTokens,
    private readonly ttlMs = 30_000,
    maxCachedKeys = 10_000,
  ) {
    this.#answers = new LRUCache({ max: maxCachedKeys });
  }

  async verify(key: string, now = Date.now()): Promise<Identity> {
    if (!API_KEY_PATTERN.test(key)) throw new InvalidApiKey('the API key is malformed');
    const digest = createHash('sha256').update(key).digest('base64url');
    const cached = this.#answers.get(digest);
    const identity = cached && cached.until > now ? cached.identity : await this.#ask(key, digest, now);
    if (!identity) throw new InvalidApiKey('the API key is not valid or has been revoked');
    return identity;
  }

  async #ask(key: string, digest: string, now: number): Promise<Identity | null> {
    const response = await postToUsersRoute(this.verifyUrl, this.callerTokens, { key });
    if (response.status !== 200 && response.status !== 401)
      throw new Error(`API key verification answered ${response.status}`);
    const body: unknown = await response.json();
    // Only the route's own `{ error }` 401 judges the key. The subgraphs' GraphQL-shaped 401
    // refuses the gateway's caller token (secrets or clocks out of step): it says nothing of the
    // key, and remembering it would refuse every key, and close their sockets, as revoked.
    if (response.status === 401 && !isKeyRefusal(body))
      throw new Error("API key verification refused the gateway's caller token");
    const identity = response.status === 200 ? identityIn(body) : null;
    this.#answers.set(digest, { identity, until: now + this.ttlMs });
    return identity;
  }
}

/** The verify route's answer for a key it does not accept: `{ "error": "..." }`. */
const isKeyRefusal = (body: unknown): boolean =>
  typeof (body as { error?: unknown } | null)?.error === 'string';

function identityIn(body: unknown): Identity {
  const identity = (body as { identity?: Partial<Identity> } | null)?.identity;
  if (
    !identity ||
    typeof identity.userId !== 'string' ||
    !isRole(identity.role) ||
    !Array.isArray(identity.scopes) ||
    !identity.scopes.every(isScope) ||
    identity.credential?.kind !== 'apiKey' ||
    typeof identity.credential.id !== 'string'
  )
    throw new Error('API key verification answered with a malformed identity');
  return {
    userId: identity.userId,
    role: identity.role,
    scopes: identity.scopes,
    credential: { kind: 'apiKey', id: identity.credential.id },
  };
}
