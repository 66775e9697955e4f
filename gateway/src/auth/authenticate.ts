import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import type { Caller, Identity } from '@mib/auth';
import type { AccessTokenVerifier } from './accessTokens.js';
import { InvalidAccessToken } from './accessTokens.js';
import { API_KEY_PATTERN, InvalidApiKey, type ApiKeyAuthenticator } from './apiKeys.js';
import type { SessionLiveness } from './sessionLiveness.js';

/** Turns a request's credentials into an identity: an access token or an API key. */
export interface Authenticator {
  /**
   * null without credentials (anonymous); throws `InvalidCredentials` for credentials that do
   * not hold, which are refused outright rather than treated as anonymous.
   */
  authenticate(credentials: {
    authorization?: string | undefined;
    apiKey?: string | undefined;
  }): Promise<Identity | null>;
}

/** Why credentials were refused: the label of `gateway_authentication_failures_total`. */
export type CredentialFailure =
  'missing' | 'expired_token' | 'invalid_token' | 'revoked_session' | 'invalid_api_key';

export class InvalidCredentials extends Error {
  constructor(
    message: string,
    /** What was wrong, for `gateway_authentication_failures_total` (default: an invalid token). */
    readonly reason: CredentialFailure = 'invalid_token',
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

export function createAuthenticator(
  accessTokens: AccessTokenVerifier,
  apiKeys: ApiKeyAuthenticator,
  sessions: SessionLiveness,
): Authenticator {
  return {
    async authenticate({ authorization, apiKey }) {
      try {
        const bearer = authorization === undefined ? undefined : bearerToken(authorization);
        const key = apiKey ?? (bearer !== undefined && API_KEY_PATTERN.test(bearer) ? bearer : undefined);
        if (key !== undefined) return await apiKeys.verify(key);
        if (bearer === undefined) return null;
        const identity = await accessTokens.verify(bearer);
        // A genuine, unexpired token of a session its holder has since logged out of is refused.
        if (!(await sessions.isLive(identity.credential.id)))
          throw new InvalidCredentials(
            'the session of this access token has ended; sign in again',
            'revoked_session',
          );
        return identity;
      } catch (error) {
        if (error instanceof InvalidAccessToken)
          throw new InvalidCredentials(error.message, error.expired ? 'expired_token' : 'invalid_token', {
            cause: error,
          });
        if (error instanceof InvalidApiKey)
          throw new InvalidCredentials(error.message, 'invalid_api_key', { cause: error });
        throw error;
      }
    },
  };
}

/**
 * `authenticator`, counting each refusal of credentials in `failures` by its reason, over HTTP
 * and WebSocket alike (a check that could not be made is not a refusal and is not counted).
 */
export function countingFailures(
  authenticator: Authenticator,
  failures: { inc(labels: { reason: CredentialFailure }): void },
): Authenticator {
  return {
    async authenticate(credentials) {
      try {
        return await authenticator.authenticate(credentials);
      } catch (error) {
        if (error instanceof InvalidCredentials) failures.inc({ reason: error.reason });
        throw error;
      }
    },
  };
}

function bearerToken(authorization: string): string {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (!match?.[1]) throw new InvalidCredentials('send `Authorization: Bearer <access token or API key>`');
  return match[1];
}

/**
 * Express middleware: authenticates each request and puts its `Caller` in `res.locals.caller`
 * for what follows (rate limits, the GraphQL context), its `clientIp` from `clientAddressOf`.
 * Bad credentials end the request with 401.
 */
export const authenticateRequests =
  (
    authenticator: Authenticator,
    clientAddressOf: (request: IncomingMessage) => string | null,
  ): RequestHandler =>
  async (req, res, next) => {
    const apiKey = req.headers['x-api-key'];
    try {
      const identity = await authenticator.authenticate({
        authorization: req.headers.authorization,
        apiKey: Array.isArray(apiKey) ? apiKey[0] : apiKey,
      });
      const caller: Caller = { identity, clientIp: clientAddressOf(req) };
      res.locals['caller'] = caller;
      next();
    } catch (error) {
      if (!(error instanceof InvalidCredentials)) {
        next(error);
        return;
      }
      res
        .status(401)
        .set('WWW-Authenticate', 'Bearer')
        .json({ errors: [{ message: error.message, extensions: { code: 'UNAUTHENTICATED' } }] });
    }
  };
