import type { RequestHandler } from 'express';
import { CallerTokenError, IDENTITY_HEADER, type CallerTokens } from '@mib/auth';

/**
 * Express middleware that serves only requests the gateway signed: the verified caller goes to
 * `res.locals.caller`; anything else is answered 401 with a GraphQL-shaped error and goes no
 * further, so a subgraph reached directly on its port serves nobody.
 */
export const callerOfRequest =
  (tokens: CallerTokens): RequestHandler =>
  (req, res, next) => {
    try {
      res.locals['caller'] = tokens.verify(req.headers[IDENTITY_HEADER]);
      next();
    } catch (error) {
      if (!(error instanceof CallerTokenError)) throw error;
      res.status(401).json(callerTokenRefusal(error));
    }
  };

/** The 401 body for a request without a valid caller token. */
export const callerTokenRefusal = (error: CallerTokenError) => ({
  errors: [
    {
      message: `Only the gateway may call this service (its caller token is ${error.reason})`,
      extensions: { code: 'UNAUTHENTICATED' },
    },
  ],
});
