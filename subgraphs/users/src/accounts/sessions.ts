import { randomUUID } from 'node:crypto';
import { scopesOfRole } from '@mib/auth';
import type { User } from '@mib/db';
import { unauthenticated } from '@mib/errors';
import { issueAccessToken } from '../credentials/accessTokens.js';
import { randomToken, sha256 } from '../credentials/opaqueTokens.js';
import type { UsersRuntime } from '../usersRuntime.js';
import { roleOf } from './roles.js';

/** What a successful sign-in or refresh gives the client (the schema's AuthPayload). */
export interface AuthPayload {
  readonly accessToken: string;
  readonly accessTokenExpiresAt: Date;
  readonly refreshToken: string;
  readonly refreshTokenExpiresAt: Date;
  readonly user: User;
}

/** Starts a session (a new refresh-token family) for a user who just proved who they are. */
export async function startSession(
  runtime: UsersRuntime,
  user: User,
  now = new Date(),
): Promise<AuthPayload> {
  const familyId = randomUUID();
  const refreshToken = randomToken();
  const refreshTokenExpiresAt = new Date(now.getTime() + runtime.options.refreshTokenLifetimeMs);
  await runtime.sessions.startFamily(
    { familyId, userId: user.id },
    { tokenHash: sha256(refreshToken), expiresAt: refreshTokenExpiresAt },
  );
  return payload(runtime, user, familyId, refreshToken, refreshTokenExpiresAt, now);
}

/**
 * Exchanges a refresh token for a new pair. Each token works once: presenting a spent one
 * revokes its whole family (OAuth 2.0 Security BCP, RFC 9700 §4.14.2) and fails.
 */
export async function refreshSession(
  runtime: UsersRuntime,
  findUser: (id: string) => Promise<User | null>,
  refreshToken: string,
  now = new Date(),
): Promise<AuthPayload> {
  const next = randomToken();
  const nextExpiresAt = new Date(now.getTime() + runtime.options.refreshTokenLifetimeMs);
  const outcome = await runtime.sessions.rotate(
    sha256(refreshToken),
    { tokenHash: sha256(next), expiresAt: nextExpiresAt },
    now,
  );
  switch (outcome.kind) {
    case 'invalid':
      throw unauthenticated('That refresh token is not valid; sign in again');
    case 'reused':
      throw unauthenticated('That refresh token was already used; the session has been ended, sign in again');
    case 'rotated': {
      const user = await findUser(outcome.userId);
      if (!user) {
        await runtime.sessions.revokeFamily(outcome.familyId);
        throw unauthenticated('That account no longer exists');
      }
      return payload(runtime, user, outcome.familyId, next, nextExpiresAt, now);
    }
  }
}

async function payload(
  runtime: UsersRuntime,
  user: User,
  sessionId: string,
  refreshToken: string,
  refreshTokenExpiresAt: Date,
  now: Date,
): Promise<AuthPayload> {
  const role = roleOf(user.role);
  const access = await issueAccessToken(
    runtime.signingKeys,
    { userId: user.id, role, scopes: scopesOfRole(role), sessionId },
    runtime.options.accessTokenLifetimeMs,
    now.getTime(),
  );
  return {
    accessToken: access.token,
    accessTokenExpiresAt: access.expiresAt,
    refreshToken,
    refreshTokenExpiresAt,
    user,
  };
}
