import type { Role, Scope } from './scopes.js';

/** How a caller proved who they are: a session's access token or an API key. */
export interface Credential {
  readonly kind: 'session' | 'apiKey';
  /** The session (refresh-token family) id or the API key id; revoking it ends the access. */
  readonly id: string;
}

/** An authenticated caller, as the gateway established it. */
export interface Identity {
  readonly userId: string;
  readonly role: Role;
  /** What this caller may do: the role's scopes, or an API key's chosen subset of them. */
  readonly scopes: readonly Scope[];
  readonly credential: Credential;
}

/** Everything the gateway tells a subgraph about the origin of a request. */
export interface Caller {
  /** null: an anonymous request (which the gateway still vouches for). */
  readonly identity: Identity | null;
  /**
   * The client's address as the gateway keys it for per-address throttling (after `TRUST_PROXY`):
   * an IPv4 address, or an IPv6 client's /64 (`2001:db8:1:2::/64`); null when unknown.
   */
  readonly clientIp: string | null;
}

export const hasScope = (identity: Identity | null, scope: Scope): boolean =>
  identity !== null && identity.scopes.includes(scope);
