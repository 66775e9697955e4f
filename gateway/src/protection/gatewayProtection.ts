import type { IncomingMessage, Server } from 'node:http';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { ErrorRequestHandler, Express, RequestHandler } from 'express';
import type { GraphQLError } from 'graphql';
import { Redis } from 'ioredis';
import type { Caller } from '@mib/auth';
import { createRateLimiter } from '@mib/rate-limit';
import type { Logger } from '@mib/telemetry';
import type { GatewayMetrics } from '../gatewayMetrics.js';
import {
  operationTextCheck,
  subscriptionOperationCheck,
  type SubscriptionOperationCheck,
} from './subscriptionOperations.js';
import { corsForOrigins, refuseForeignWebSocketOrigins } from './allowedOrigins.js';
import { clientAddressKey, clientAddressOf } from './clientAddress.js';
import { costLimitCheck } from './costLimit.js';
import { gatewayErrorFormatter } from './errorDetail.js';
import { operationChecksPlugin } from './operationChecksPlugin.js';
import { operationLimitsCheck } from './operationLimits.js';
import { limitOperationTokens } from './operationTokens.js';
import { redisPersistedQueryCache } from './persistedQueryCache.js';
import type { ProtectionSettings } from './protectionConfig.js';
import { countRefusal, refusedCheckOf } from './refusedCheck.js';
import {
  rateLimitByAddress,
  rateLimitByCredential,
  rateLimitConnectionByAddress,
  rateLimitOperation,
} from './rateLimitRequests.js';
import { parseRequestBody } from './requestBody.js';
import { useTrustedDocuments, type TrustedDocumentManifest } from './trustedDocuments.js';
import { trustedDocumentsCheck } from './trustedDocumentsCheck.js';

/** Registered persisted documents are kept a day in the APQ cache, then re-registered on use. */
const PERSISTED_QUERY_TTL_SECONDS = 24 * 60 * 60;

export interface GatewayProtection<Context extends BaseContext> {
  /** Spread into the ApolloServer options. */
  readonly apolloOptions: {
    readonly csrfPrevention: true;
    readonly introspection: boolean;
    readonly includeStacktraceInErrorResponses: boolean;
    readonly formatError: ReturnType<typeof gatewayErrorFormatter>;
    readonly parseOptions: { readonly maxTokens: number };
    readonly persistedQueries: { cache?: ReturnType<typeof redisPersistedQueryCache>; ttl: number };
  };
  /**
   * Apollo plugins: one asking, in order, trusted documents (when enforced), the depth, alias and
   * directive limits and the cost limit, the first refusal sparing the rest.
   */
  readonly plugins: ApolloServerPlugin<Context>[];
  /** The same checks for subscriptions, which arrive over graphql-ws rather than through Apollo. */
  readonly checkSubscription: SubscriptionOperationCheck;
  /**
   * The token limit for every operation sent over graphql-ws, before it is parsed: a WebSocket
   * frame passes none of the Express handlers (body size, tokens) that guard Apollo's parser.
   */
  readonly checkOperationText: (query: string) => readonly GraphQLError[];
  /**
   * The per-user or per-API-key rate limit for an operation sent over graphql-ws (a query, a
   * mutation or a subscription), which passes none of the Express handlers: the RATE_LIMITED
   * error to answer, or null to run it.
   */
  readonly admitOperation: (caller: Caller) => Promise<GraphQLError | null>;
  /**
   * Who is calling, as the gateway tells clients apart, for an HTTP request or a WebSocket
   * upgrade alike: the address `TRUST_PROXY` points at (the socket's peer, or a trusted proxy's
   * `X-Forwarded-For` entry), keyed by `clientAddressKey` (an IPv6 client's /64). It is the
   * per-address bucket's key and `Caller.clientIp`, so subgraphs' own per-address limits get
   * the same key. null when the socket has already gone.
   */
  readonly clientAddressOf: (request: IncomingMessage) => string | null;
  /**
   * The per-address rate limit for a graphql-ws `connection_init`, which passes none of the
   * Express handlers: the reason to close it with 4429, or null to authenticate it.
   */
  readonly admitConnection: (clientAddress: string | null) => Promise<string | null>;
  /** The largest graphql-ws frame a client may send: the HTTP body limit, for the same operations. */
  readonly maxMessageBytes: number;
  /** Express handlers for `/graphql` ahead of authentication: CORS and the per-address rate limit. */
  readonly beforeAuthentication: RequestHandler[];
  /**
   * Express handlers for `/graphql` after authentication (which sets `res.locals.caller`) and
   * before Apollo: per-user and per-key rate limits, body size, token limit, trusted documents.
   */
  readonly afterAuthentication: (RequestHandler | ErrorRequestHandler)[];
  /**
   * Applies app-wide settings: how many proxies Express trusts for `req.ip`, `req.protocol` and
   * `req.hostname` (client addresses come from `clientAddressOf`, which counts them the same way).
   */
  configureApp(app: Express): void;
  /** Refuses WebSocket upgrades from origins off the allow-list; call before the WebSocket server is attached. */
  guardWebSocketUpgrades(httpServer: Server): void;
  close(): Promise<void>;
}

/**
 * Builds every protection of the gateway from its settings. Order matters: a rate-limited
 * request is refused before its body is read, and the body is checked for size, tokens and
 * trust before Apollo parses it.
 */
export function createGatewayProtection<Context extends BaseContext>(options: {
  readonly settings: ProtectionSettings;
  readonly supergraphSdl: string;
  readonly trustedDocuments: TrustedDocumentManifest;
  readonly logger: Logger;
  /** Where rate-limit rejections and refused operations are counted. */
  readonly metrics: Pick<GatewayMetrics, 'rateLimited' | 'operationsRefused'>;
}): GatewayProtection<Context> {
  const { settings, logger } = options;
  const refused = options.metrics.operationsRefused;
  const redis = settings.redisUrl ? new Redis(settings.redisUrl, { maxRetriesPerRequest: 1 }) : undefined;
  redis?.on('error', (error) => logger.warn({ err: error }, 'gateway Redis connection error'));
  const charging = {
    limiter: createRateLimiter({ redis, prefix: `${settings.redisKeyPrefix}rate-limit` }),
    logger,
    rejections: options.metrics.rateLimited,
  };
  const checkSubscription = subscriptionOperationCheck(options);
  const checkOperationText = operationTextCheck(settings.operationLimits.maxTokens);
  const addressOf = (request: IncomingMessage): string | null => {
    const address = clientAddressOf(request, settings.trustedProxyHops);
    return address === null ? null : clientAddressKey(address);
  };

  return {
    apolloOptions: {
      csrfPrevention: true,
      introspection: settings.introspection,
      includeStacktraceInErrorResponses: settings.detailedErrors,
      formatError: gatewayErrorFormatter(settings.detailedErrors, (error) =>
        logger.error({ err: error }, 'unexpected error'),
      ),
      parseOptions: { maxTokens: settings.operationLimits.maxTokens },
      persistedQueries: {
        ...(redis
          ? { cache: redisPersistedQueryCache(redis, `${settings.redisKeyPrefix}apq:`, logger) }
          : {}),
        ttl: PERSISTED_QUERY_TTL_SECONDS,
      },
    },
    plugins: [
      // Cheapest and most basic first, as over HTTP and for subscriptions: the cost estimate
      // is the expensive one, and runs only for an operation nothing else refused.
      operationChecksPlugin<Context>(
        [
          ...(settings.trustedDocuments === 'enforce'
            ? [trustedDocumentsCheck(options.trustedDocuments)]
            : []),
          operationLimitsCheck(settings.operationLimits),
          costLimitCheck(options.supergraphSdl, settings.cost),
        ],
        (refusal) => refused.inc({ check: refusedCheckOf(refusal) }),
      ),
    ],
    checkSubscription: (subscription) => countRefusal(refused, checkSubscription(subscription)),
    checkOperationText: (query) => countRefusal(refused, checkOperationText(query)),
    admitOperation: rateLimitOperation(charging, settings.rateLimits),
    clientAddressOf: addressOf,
    admitConnection: rateLimitConnectionByAddress(charging, settings.rateLimits),
    maxMessageBytes: settings.maxRequestBytes,
    beforeAuthentication: [
      corsForOrigins(settings.allowedOrigins),
      rateLimitByAddress(charging, settings.rateLimits, addressOf),
    ],
    afterAuthentication: [
      rateLimitByCredential(charging, settings.rateLimits),
      ...parseRequestBody(settings.maxRequestBytes),
      limitOperationTokens(settings.operationLimits.maxTokens, () => refused.inc({ check: 'tokens' })),
      useTrustedDocuments({ manifest: options.trustedDocuments, mode: settings.trustedDocuments }),
    ],
    configureApp: (app) => {
      if (settings.trustedProxyHops > 0) app.set('trust proxy', settings.trustedProxyHops);
    },
    guardWebSocketUpgrades: (httpServer) =>
      refuseForeignWebSocketOrigins(httpServer, settings.allowedOrigins),
    close: async () => {
      // QUIT needs a live connection; without one there is nothing to flush.
      if (redis?.status === 'ready') await redis.quit();
      else redis?.disconnect();
    },
  };
}
