import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import { GraphQLError } from 'graphql';
import type { Caller } from '@mib/auth';
import { ErrorCode } from '@mib/errors';
import type { RateLimitDecision, RateLimiter, RateLimitPolicy } from '@mib/rate-limit';
import type { Logger } from '@mib/telemetry';
import { sendGraphQLError } from './graphqlErrorResponse.js';

/** One token bucket per client address, per signed-in user and per API key. */
export interface RateLimitPolicies {
  readonly ip: RateLimitPolicy;
  readonly user: RateLimitPolicy;
  readonly apiKey: RateLimitPolicy;
}

export type RateLimitPolicyName = keyof RateLimitPolicies;
type Charged = 'request' | 'operation' | 'connection';

/** Where rejections are counted: `gateway_rate_limit_rejections_total{policy,kind}`. */
export interface RateLimitRejections {
  inc(labels: { policy: RateLimitPolicyName; kind: Charged }): void;
}

/** What every rate-limit check shares: the buckets' store, the log, and the rejection count. */
export interface RateLimitCharging {
  readonly limiter: RateLimiter;
  readonly logger: Logger;
  readonly rejections: RateLimitRejections;
}

type Bucket = { readonly key: string; readonly name: RateLimitPolicyName; readonly policy: RateLimitPolicy };

const retryAfterSecondsOf = (decision: RateLimitDecision): number =>
  Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
const tooManyRequests = (retryAfterSeconds: number): string =>
  `Too many requests; retry after ${retryAfterSeconds}s`;

/** The bucket of a client address (already keyed by `clientAddressKey`: an IPv6 client's /64). */
const addressBucket = (clientAddress: string | null, policies: RateLimitPolicies): Bucket => ({
  key: `ip:${clientAddress ?? 'unknown'}`,
  name: 'ip',
  policy: policies.ip,
});

/** The bucket of the caller's credential: its user's for a session, its key's for an API key. */
export function credentialBucket(caller: Caller | undefined, policies: RateLimitPolicies): Bucket | null {
  const identity = caller?.identity;
  if (!identity) return null;
  switch (identity.credential.kind) {
    case 'session':
      return { key: `user:${identity.userId}`, name: 'user', policy: policies.user };
    case 'apiKey':
      return { key: `apiKey:${identity.credential.id}`, name: 'apiKey', policy: policies.apiKey };
  }
}

/**
 * Express middleware charging one request to the bucket `bucketOf` picks (none: no limit). An
 * empty bucket ends the request with 429, `Retry-After` in seconds and a RATE_LIMITED GraphQL
 * error whose `extensions.retryAfterSeconds` repeats it (as the users subgraph's login throttle
 * does). If the limiter itself fails (Redis down) the request goes through: an outage of the
 * limiter must not become an outage of the API.
 */
function rateLimit(
  charging: RateLimitCharging,
  bucketOf: (req: Parameters<RequestHandler>[0], res: Parameters<RequestHandler>[1]) => Bucket | null,
): RequestHandler {
  return (req, res, next) => {
    const bucket = bucketOf(req, res);
    if (!bucket) return next();
    charge(charging, bucket, 'request')
      .then((retryAfterSeconds) => {
        if (retryAfterSeconds === null) return next();
        res.setHeader('Retry-After', String(retryAfterSeconds));
        sendGraphQLError(res, 429, ErrorCode.RATE_LIMITED, tooManyRequests(retryAfterSeconds), {
          retryAfterSeconds,
        });
      })
      .catch(next);
  };
}

/**
 * Per client address (`clientAddressOf`, the same for HTTP and WebSocket), before
 * authentication, so that guessing credentials (each guess a 401) is throttled too.
 */
export const rateLimitByAddress = (
  charging: RateLimitCharging,
  policies: RateLimitPolicies,
  clientAddressOf: (request: IncomingMessage) => string | null,
) => rateLimit(charging, (req) => addressBucket(clientAddressOf(req), policies));

/**
 * Per user (sessions) or per API key, after authentication, which leaves the `Caller` in
 * `res.locals.caller`. Anonymous requests have only their address's bucket.
 */
export const rateLimitByCredential = (charging: RateLimitCharging, policies: RateLimitPolicies) =>
  rateLimit(charging, (_req, res) => credentialBucket(res.locals['caller'] as Caller | undefined, policies));

/**
 * The per-user or per-API-key bucket for an operation that arrives on a graphql-ws connection
 * rather than as an HTTP request (such a connection always has a credential): a query, a mutation
 * or a subscription, so a WebSocket is no way around the HTTP limits. Resolves to the RATE_LIMITED
 * error to answer, or null to run the operation; a failing limiter admits, as over HTTP.
 */
export const rateLimitOperation =
  (charging: RateLimitCharging, policies: RateLimitPolicies) =>
  async (caller: Caller): Promise<GraphQLError | null> => {
    const bucket = credentialBucket(caller, policies);
    if (!bucket) return null;
    const retryAfterSeconds = await charge(charging, bucket, 'operation');
    if (retryAfterSeconds === null) return null;
    return new GraphQLError(tooManyRequests(retryAfterSeconds), {
      extensions: { code: ErrorCode.RATE_LIMITED, retryAfterSeconds },
    });
  };

/**
 * The per-address bucket for a graphql-ws connection's `connection_init`, charged before its
 * credentials are checked, as an HTTP request is before authentication: without it a client
 * could guess tokens over WebSocket, one connection each, unthrottled. Resolves to the reason to
 * close the connection with (4429), or null to go on; a failing limiter admits, as over HTTP.
 */
export const rateLimitConnectionByAddress =
  (charging: RateLimitCharging, policies: RateLimitPolicies) =>
  async (clientAddress: string | null): Promise<string | null> => {
    const retryAfterSeconds = await charge(charging, addressBucket(clientAddress, policies), 'connection');
    return retryAfterSeconds === null ? null : tooManyRequests(retryAfterSeconds);
  };

/** Takes a token from `bucket`: null when there was one (or the limiter failed), else the seconds to wait. */
async function charge(
  { limiter, logger, rejections }: RateLimitCharging,
  bucket: Bucket,
  what: Charged,
): Promise<number | null> {
  let decision: RateLimitDecision;
  try {
    decision = await limiter.consume(bucket.key, bucket.policy);
  } catch (error) {
    logger.error({ err: error, bucket: bucket.key }, `rate limiter failed; ${what} admitted`);
    return null;
  }
  if (decision.allowed) return null;
  rejections.inc({ policy: bucket.name, kind: what });
  return retryAfterSecondsOf(decision);
}
