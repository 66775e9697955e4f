import type { AddressInfo } from 'node:net';
import { ApolloGateway } from '@apollo/gateway';
import type { Caller, CallerTokens } from '@mib/auth';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type ErrorRequestHandler } from 'express';
import { ErrorCode } from '@mib/errors';
import { print, type ExecutionResult, type GraphQLSchema } from 'graphql';
import {
  createGraphQLMetrics,
  createMetricsRegistry,
  metricsPlugin,
  observabilityRoutes,
  operationSpanPlugin,
  serveInServerSpan,
  tracerFor,
  tracingEnabled,
  type Logger,
  type Registry,
} from '@mib/telemetry';
import { AccessTokenVerifier } from './auth/accessTokens.js';
import { ApiKeyAuthenticator } from './auth/apiKeys.js';
import {
  authenticateRequests,
  countingFailures,
  createAuthenticator,
  InvalidCredentials,
  type Authenticator,
} from './auth/authenticate.js';
import { SessionLiveness } from './auth/sessionLiveness.js';
import { subgraphCatalog } from './compose/subgraphCatalog.js';
import { persistedDocumentsFile } from '@mib/sdk';
import {
  createGatewayProtection,
  defaultProtectionSettings,
  loadTrustedDocuments,
  type ProtectionSettings,
  type TrustedDocumentManifest,
} from './protection/index.js';
import { sendCriticalPathFirst } from './criticalPathFirst.js';
import { GatewayMetrics } from './gatewayMetrics.js';
import { IdentityForwardingDataSource, type GatewayContext } from './identityForwarding.js';
import { sendGraphQLError } from './protection/graphqlErrorResponse.js';
import type { RefusedCheck } from './protection/refusedCheck.js';
import { createSubgraphFetcher } from './subgraphFetcher.js';
import { subgraphHealthCheck } from './subgraphHealth.js';
import { operationChoicePlugin } from './operationChoicePlugin.js';
import { parseScalarsAsSubgraphsDo } from './scalarParsing.js';
import { executableSupergraph, readSupergraph } from './supergraph.js';
import { FederatedSubscriptions } from './subscriptions/federatedSubscriptions.js';
import { httpSubscriptionsPlugin } from './subscriptions/httpSubscriptionsPlugin.js';
import { SubgraphSockets } from './subscriptions/subgraphSockets.js';
import { useGraphQLWs } from './subscriptions/useGraphQLWs.js';

export interface GatewayOptions {
  /** 0 picks a free port (tests). */
  readonly port: number;
  readonly host?: string;
  readonly logger: Logger;
  readonly production?: boolean;
  /** Overrides of the subgraph URLs in the supergraph, by subgraph name. */
  readonly subgraphUrls?: Readonly<Record<string, string>>;
  /** Most subscriptions one WebSocket connection may hold (default 100). */
  readonly maxSubscriptionsPerConnection?: number;
  /** Composed SDL; defaults to the checked-in supergraph.graphql. */
  readonly supergraphSdl?: string;
  /** Signs the caller token of every subgraph request (the subgraphs hold the same secrets). */
  readonly callerTokens: CallerTokens;
  /**
   * Checks access tokens and API keys. Default: against the users subgraph (its published keys
   * at `/.well-known/jwks.json`, its `/internal/api-keys/verify` and `/internal/sessions/live`).
   */
  readonly authenticator?: Authenticator;
  /** Rate limits, operation limits, trusted documents, CORS…; default: every variable unset. */
  readonly protection?: ProtectionSettings;
  /** Documents that may run by hash; default: the SDK's persisted-documents manifest. */
  readonly trustedDocuments?: TrustedDocumentManifest;
  /**
   * Share one subgraph request among identical queries in flight together (same caller token and
   * body; never mutations). Default true.
   */
  readonly deduplicateSubgraphQueries?: boolean;
  /** Bearer token `/metrics` and `/health`'s detail ask for; default none (open). */
  readonly metricsToken?: string | undefined;
}

export interface RunningGateway {
  readonly port: number;
  readonly url: string;
  /** The prom-client registry `/metrics` serves: every metric the gateway registered. */
  readonly metrics: Registry;
  stop(): Promise<void>;
}

/** Starts the gateway: the composed supergraph at `/graphql`, with `/health` and `/metrics`. */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const logger = options.logger.child({ component: 'gateway' });
  const registry = createMetricsRegistry('gateway');
  const metrics = new GatewayMetrics(registry);
  const subgraphUrls: Record<string, string> = {
    ...Object.fromEntries(subgraphCatalog.map((s) => [s.name, s.defaultUrl])),
    ...options.subgraphUrls,
  };
  const supergraphSdl = executableSupergraph(options.supergraphSdl ?? readSupergraph());
  const urlOf = (name: string) => {
    const url = subgraphUrls[name];
    if (!url) throw new Error(`no URL for subgraph ${name}`);
    return url;
  };
  // One data source per subgraph, shared by queries and by subscription event completion.
  const { callerTokens } = options;
  // With tracing on (startTracing ran first): a server span per request, Apollo Gateway's own
  // gateway.request/plan/execute/fetch spans inside it, a client span per subgraph request.
  const tracer = tracingEnabled() ? tracerFor('gateway') : undefined;
  const subgraphFetcher = createSubgraphFetcher({
    deduplicateQueries: options.deduplicateSubgraphQueries ?? true,
    tracer,
  });
  const dataSource = (name: string) =>
    new IdentityForwardingDataSource({
      url: urlOf(name),
      callerTokens,
      fetcher: subgraphFetcher.fetchFor(metrics.subgraphFetches(name)),
    });
  const serviceMap = Object.fromEntries(Object.keys(subgraphUrls).map((name) => [name, dataSource(name)]));
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name }) => serviceMap[name] ?? dataSource(name),
    logger,
    // Called with each (cached) plan just before it runs.
    experimental_didResolveQueryPlan: ({ queryPlan }) => sendCriticalPathFirst(queryPlan),
  });
  const parseScalars = (schema: GraphQLSchema) => {
    const unparsed = parseScalarsAsSubgraphsDo(schema);
    if (unparsed.length > 0)
      logger.warn({ scalars: unparsed }, 'custom scalars without parsing: any value reaches the subgraphs');
  };
  // Registered before Apollo Server starts the gateway, so it runs on the first schema too.
  gateway.onSchemaLoadOrUpdate(({ apiSchema }) => parseScalars(apiSchema));
  const authenticator = countingFailures(
    options.authenticator ??
      createAuthenticator(
        new AccessTokenVerifier(new URL('/.well-known/jwks.json', urlOf('users'))),
        new ApiKeyAuthenticator(new URL('/internal/api-keys/verify', urlOf('users')), callerTokens),
        new SessionLiveness(new URL('/internal/sessions/live', urlOf('users')), callerTokens),
      ),
    metrics.authenticationFailures,
  );

  const protection = createGatewayProtection<GatewayContext>({
    settings: options.protection ?? defaultProtectionSettings(options.production),
    supergraphSdl,
    trustedDocuments: options.trustedDocuments ?? loadTrustedDocuments(persistedDocumentsFile),
    logger,
    metrics,
  });

  const app = express();
  app.disable('x-powered-by');
  // Express would hash every response body for an ETag; GraphQL POSTs are never revalidated.
  app.disable('etag');
  // First, so the span covers protection and authentication too. A client's traceparent is only
  // linked: the internet does not choose our trace ids nor force sampling.
  if (tracer !== undefined)
    app.use('/graphql', (request, response, next) =>
      serveInServerSpan(tracer, request, response, { trustCallerContext: false }, next),
    );
  protection.configureApp(app);
  const httpServer = app.listen(options.port, options.host ?? '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    httpServer.once('listening', resolve).once('error', reject);
  });
  const server = new ApolloServer<GatewayContext>({
    gateway,
    logger,
    ...protection.apolloOptions,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      metricsPlugin(createGraphQLMetrics(registry)),
      ...(tracer === undefined ? [] : [operationSpanPlugin()]),
      // Ahead of the protection checks: requests the gateway could never run are refused for that alone.
      operationChoicePlugin<GatewayContext>(),
      httpSubscriptionsPlugin<GatewayContext>(),
      ...protection.plugins,
    ],
  });
  await server.start();

  const checks = Object.fromEntries(
    Object.entries(subgraphUrls).map(([name, url]) => [name, subgraphHealthCheck(url)]),
  );
  app.use(observabilityRoutes({ service: 'gateway', registry, checks, metricsToken: options.metricsToken }));
  app.use(
    '/graphql',
    ...protection.beforeAuthentication,
    authenticateRequests(authenticator, protection.clientAddressOf),
    ...protection.afterAuthentication,
    expressMiddleware(server, {
      context: async ({ res }) => {
        const caller = res.locals['caller'] as Caller;
        return { caller, identity: caller.identity };
      },
    }),
    // What failed before GraphQL ran (say, the users subgraph could not vouch for a session):
    // a GraphQL-shaped 503 without detail, never Express's HTML page with a stack trace.
    ((error, _req, res, _next) => {
      logger.error({ err: error }, 'request failed before execution');
      if (res.headersSent) return;
      res.setHeader('Retry-After', '1');
      sendGraphQLError(res, 503, ErrorCode.INTERNAL, 'The gateway cannot serve this request now; try again');
    }) satisfies ErrorRequestHandler,
  );

  const sockets = new SubgraphSockets(urlOf);
  const subscriptions = new FederatedSubscriptions(supergraphSdl, {
    serviceMap,
    sockets,
    logger,
    signCaller: (caller) => callerTokens.sign(caller),
    delivered: metrics.subscriptionEventsDelivered,
  });
  parseScalars(subscriptions.schema);
  protection.guardWebSocketUpgrades(httpServer);
  const graphqlWs = useGraphQLWs(httpServer, {
    path: '/graphql',
    subscriptions,
    maxSubscriptionsPerConnection: options.maxSubscriptionsPerConnection ?? 100,
    checkSubscription: protection.checkSubscription,
    checkOperationText: protection.checkOperationText,
    maxPayloadBytes: protection.maxMessageBytes,
    clientIpOf: protection.clientAddressOf,
    admitConnection: protection.admitConnection,
    admitSubscription: protection.admitOperation,
    logger,
    // A live connection needs a signed-in user: `connection_init` must carry a valid credential.
    authenticateConnection: async (connectionParams) => {
      const text = (name: string) => {
        const value = connectionParams?.[name];
        return typeof value === 'string' ? value : undefined;
      };
      const identity = await authenticator.authenticate({
        authorization: text('authorization') ?? text('Authorization'),
        apiKey: text('apiKey') ?? text('x-api-key'),
      });
      if (identity) return identity;
      metrics.authenticationFailures.inc({ reason: 'missing' });
      throw new InvalidCredentials('connection_init carries no credentials', 'missing');
    },
    isCredentialError: (error) => error instanceof InvalidCredentials,
    onConnectionClosed: (code) => metrics.connectionClosed(code),
    onSubscriptionCapReached: () =>
      metrics.operationsRefused.inc({ check: 'subscriptions_per_connection' satisfies RefusedCheck }),
    executeOperation: async (args, caller) => {
      const refusal = await protection.admitOperation(caller);
      if (refusal) return { errors: [refusal] };
      const response = await server.executeOperation(
        {
          query: print(args.document),
          ...(args.operationName ? { operationName: args.operationName } : {}),
          ...(args.variableValues ? { variables: args.variableValues } : {}),
        },
        { contextValue: { caller, identity: caller.identity } },
      );
      if (response.body.kind !== 'single')
        throw new Error('incremental delivery is not supported over WebSocket');
      return response.body.singleResult as ExecutionResult;
    },
  });

  metrics.observeLiveConnections({
    openConnections: () => graphqlWs.connectionCount,
    subscriptionsByField: () => subscriptions.subscribersByField(),
  });

  const { port } = httpServer.address() as AddressInfo;
  const url = `http://${options.host ?? '127.0.0.1'}:${port}/graphql`;
  logger.info({ url }, 'gateway listening');
  return {
    port,
    url,
    metrics: registry,
    stop: async () => {
      await graphqlWs.close();
      await sockets.close();
      await server.stop();
      await subgraphFetcher.close();
      await protection.close();
      httpServer.closeAllConnections();
    },
  };
}
