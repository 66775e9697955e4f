import { unauthenticated } from '@mib/errors';
import type { Identity } from './identity.js';

/** The caller's identity, or an `UNAUTHENTICATED` error for an anonymous call. */
export function requireIdentity(identity: Identity | null): Identity {
  if (!identity) throw unauthenticated('Sign in to do this: send `Authorization: Bearer <token>`');
  return identity;
}
