import express, { Router, type RequestHandler, type Response } from 'express';
import type { CallerTokens } from '@mib/auth';
import type { PrismaClient } from '@mib/db';
import { callerOfRequest, isUuid } from '@mib/subgraph-kit';
import { verifyApiKey } from '../apiKeys/apiKeys.js';
import type { UsersRuntime } from '../usersRuntime.js';

/** Where verifiers fetch the access tokens' public keys (RFC 8414's well-known location). */
export const JWKS_PATH = '/.well-known/jwks.json';
/** Where the gateway turns an API key into an identity. */
export const VERIFY_API_KEY_PATH = '/internal/api-keys/verify';
/** Where the gateway asks whether an access token's session (its `sid`) is still signed in. */
export const SESSION_LIVENESS_PATH = '/internal/sessions/live';

/**
 * The users subgraph's HTTP routes beside /graphql:
 * - `GET /.well-known/jwks.json`: public, `{ keys: JWK[] }` (RFC 7517), cacheable for a minute.
 * - `POST /internal/api-keys/verify` `{ key }`: only for callers bearing a valid caller token;
 *   200 `{ identity }` for a live key, 401 `{ error }` otherwise.
 * - `POST /internal/sessions/live` `{ sessionId }`: the same callers only; 200 `{ live }`, false
 *   once the session was logged out or revoked for a reused refresh token.
 */
export function usersRoutes(prisma: PrismaClient, runtime: UsersRuntime, callerTokens: CallerTokens): Router {
  const router = Router();
  router.get(JWKS_PATH, async (_req, res, next) => {
    try {
      // Rotates first when due, so a fresh or long-idle deployment still publishes a live key.
      await runtime.signingKeys.current();
      res.set('cache-control', 'public, max-age=60').json(await runtime.signingKeys.published());
    } catch (error) {
      next(error);
    }
  });
  // Internal routes serve only requests the gateway signed; the rest get 401 before their body is read.
  const internal = gatewayOnlyJsonRoute(callerTokens);
  router.post(
    VERIFY_API_KEY_PATH,
    ...internal('4kb', async ({ key }, res) => {
      if (typeof key !== 'string') {
        res.status(400).json({ error: 'Send JSON { "key": "mib_..." }' });
        return;
      }
      const identity = await verifyApiKey(prisma, key);
      if (identity) res.json({ identity });
      else res.status(401).json({ error: 'Unknown or revoked API key' });
    }),
  );
  router.post(
    SESSION_LIVENESS_PATH,
    ...internal('1kb', async ({ sessionId }, res) => {
      if (typeof sessionId !== 'string' || !isUuid(sessionId)) {
        res.status(400).json({ error: 'Send JSON { "sessionId": "<uuid>" }' });
        return;
      }
      res.json({ live: await runtime.sessions.isLive(sessionId) });
    }),
  );
  return router;
}

/** The handlers of a POST route for the gateway alone: its caller token, then a small JSON body. */
const gatewayOnlyJsonRoute =
  (callerTokens: CallerTokens) =>
  (
    limit: string,
    handle: (body: Readonly<Record<string, unknown>>, res: Response) => Promise<void>,
  ): RequestHandler[] => [
    callerOfRequest(callerTokens),
    express.json({ limit }),
    (req, res, next) => {
      const body = (req.body ?? {}) as Record<string, unknown>;
      handle(body, res).catch(next);
    },
  ];
