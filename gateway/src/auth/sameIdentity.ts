import type { Identity } from '@mib/auth';

/**
 * Whether two answers for one credential grant the same: the same user, role, credential and
 * scopes (in any order). An API key's scopes narrow when its owner is demoted, so an answer that
 * differs from the first one a live connection got means that connection now grants too much.
 */
export function sameIdentity(a: Identity | null, b: Identity | null): boolean {
  if (a === null || b === null) return a === b;
  return (
    a.userId === b.userId &&
    a.role === b.role &&
    a.credential.kind === b.credential.kind &&
    a.credential.id === b.credential.id &&
    a.scopes.length === b.scopes.length &&
    a.scopes.every((scope) => b.scopes.includes(scope))
  );
}
