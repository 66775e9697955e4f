/** Identities and caller tokens for tests that call a subgraph the way the gateway does. */
import { randomBytes } from 'node:crypto';
import { CallerTokens, IDENTITY_HEADER } from './callerToken.js';
import type { Identity } from './identity.js';
import { scopesOfRole, type Role } from './scopes.js';

/** A fresh secret per test process; tests start their subgraphs with `testCallerTokens`. */
export const testCallerTokens = new CallerTokens([randomBytes(32).toString('base64url')]);

/** A signed-in user of `role`, with the role's scopes, as the gateway would vouch for them. */
export const testIdentity = (userId: string, role: Role = 'trader'): Identity => ({
  userId,
  role,
  scopes: scopesOfRole(role),
  credential: { kind: 'session', id: `test-session-${userId}` },
});

/** The headers the gateway sends for this caller (null: anonymous but vouched for). */
export const callerHeaders = (
  identity: Identity | null,
  tokens: CallerTokens = testCallerTokens,
): Record<string, string> => ({ [IDENTITY_HEADER]: tokens.sign({ identity, clientIp: '127.0.0.1' }) });
