import { forbidden, unauthenticated } from '@mib/errors';
import { hasScope, type Identity } from './identity.js';

/** The caller's identity, or an `UNAUTHENTICATED` error for an anonymous call. */
export function requireIdentity(identity: Identity | null): Identity {
  if (!identity) throw unauthenticated('Sign in to do this: send `Authorization: Bearer <token>`');
  return identity;
}

/**
 * The caller, if they own `ownerUserId`'s data or are an admin; otherwise `FORBIDDEN`. Every
 * resolver that reads or changes one user's data goes through this (or filters by the caller).
 */
export function requireOwner(identity: Identity | null, ownerUserId: string): Identity {
  const caller = requireIdentity(identity);
  if (caller.userId !== ownerUserId && !hasScope(caller, 'admin'))
    throw forbidden('That belongs to another user');
  return caller;
}

/** True when the caller may see `ownerUserId`'s data: the owner or an admin. */
export const mayAccess = (identity: Identity | null, ownerUserId: string): boolean =>
  identity !== null && (identity.userId === ownerUserId || hasScope(identity, 'admin'));
