import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type BaseContext } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { buildSubgraphSchema, type GraphQLResolverMap } from '@apollo/subgraph';
import express, { type Router } from 'express';
import { parse, type DocumentNode } from 'graphql';
import { enforceAuthorizationDirectives } from './authorizationDirectives.js';
import { callerOfRequest } from './callerVerification.js';
import { graphqlPostRoute, isDirectGraphQLPost } from './graphqlPostRoute.js';
import { serveSubscriptions } from './subscriptionServer.js';
import type { Caller, CallerTokens } from '@mib/auth';
import { clientErrorFormatter } from '@mib/errors';
import {
  createGraphQLMetrics,
  createMetricsRegistry,
  metricsPlugin,
  observabilityRoutes,
  operationSpanPlugin,
  serveInServerSpan,
  tracerFor,
  tracingEnabled,
  type HealthCheck,
  type Logger,
  type Registry,
} from '@mib/telemetry';

const CALLER = Symbol('caller');
/** The gateway's subgraph requests are small; this bounds what a direct caller can make us buffer. */
const MAX_BODY_BYTES = 1024 * 1024;

/** Everything that differs between one subgraph and another. */
export interface SubgraphDefinition<Context extends BaseContext> {
  /** Service name, used in logs, metrics and `/health`. */
  readonly name: string;
  readonly typeDefs: DocumentNode;
  readonly resolvers: GraphQLResolverMap<Context>;
  /**
   * Builds the per-request (or per-subscription) context: fresh DataLoaders each time, so nothing
   * is cached across users. `caller` is who the gateway vouches is calling.
   */
  readonly createContext: (caller: Caller) => Context | Promise<Context>;
  readonly healthChecks?: Readonly<Record<string, HealthCheck>>;
  /** HTTP routes beside `/graphql` (they check the caller token themselves where needed). */
  readonly routes?: Router;
  /**
   * The registry `/metrics` serves, when the service records more than its GraphQL requests
   * (its event consumers); default a new one for `name`.
   */
  readonly metricsRegistry?: Registry;
}

export interface SubgraphServerOptions {
  /** 0 picks a free port (tests). */
  readonly port: number;
  readonly host?: string;
  readonly logger: Logger;
  /** Production hides introspection; errors never carry stack traces either way. */
  readonly production?: boolean;
  /** Checks the gateway's signature on every request; nothing unsigned is served. */
  readonly callerTokens: CallerTokens;
  /** Bearer token `/metrics` and `/health`'s detail ask for; default none (open). */
  readonly metricsToken?: string | undefined;
}

export interface RunningService {
  readonly name: string;
  readonly port: number;
  /** The GraphQL endpoint, e.g. http://127.0.0.1:4001/graphql */
  readonly url: string;
  stop(): Promise<void>;
}

/** Reads a subgraph's `schema.graphql` that sits beside the calling module. */
export const loadTypeDefs = (schemaFile: URL): DocumentNode => parse(readFileSync(schemaFile, 'utf8'));

/**
 * Starts one subgraph: Apollo Server over a Federation 2 schema at `/graphql`, with `/health`
 * and `/metrics` beside it on the same port.
 */
export async function startSubgraph<Context extends BaseContext>(
  definition: SubgraphDefinition<Context>,
  options: SubgraphServerOptions,
): Promise<RunningService> {
  const logger = options.logger.child({ subgraph: definition.name });
  const registry = definition.metricsRegistry ?? createMetricsRegistry(definition.name);
  const app = express();
  app.disable('x-powered-by');
  // Express would hash every response body for an ETag; GraphQL POSTs are never revalidated.
  app.disable('etag');
  // Listens once everything below is in place, so no request meets a half-built server.
  const httpServer = createServer();

  // The kit builds every context, so it tags each with its caller without a context convention
  // (under a symbol: Apollo Server copies a context's own properties for each operation).
  const createContext = async (caller: Caller): Promise<Context> =>
    Object.assign(await definition.createContext(caller), { [CALLER]: caller });
  const schema = enforceAuthorizationDirectives(
    buildSubgraphSchema([{ typeDefs: definition.typeDefs, resolvers: definition.resolvers }]),
    (context) => (context as { [CALLER]?: Caller })[CALLER]?.identity ?? null,
  );
  const subscriptions = schema.getSubscriptionType()
    ? serveSubscriptions(httpServer, schema, createContext, options.callerTokens)
    : undefined;
  const server = new ApolloServer<Context>({
    schema,
    logger,
    introspection: !options.production,
    includeStacktraceInErrorResponses: false,
    formatError: clientErrorFormatter((error) =>
      logger.error({ err: error }, 'unexpected error in resolver'),
    ),
    plugins: [
      // Neither is used (no `@cacheControl` hints, no Apollo Studio traces), and cache control
      // wraps every field resolver of every request.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      metricsPlugin(createGraphQLMetrics(registry)),
      ...(tracingEnabled() ? [operationSpanPlugin()] : []),
    ],
  });
  await server.start();

  app.use(
    observabilityRoutes({
      service: definition.name,
      registry,
      metricsToken: options.metricsToken,
      ...(definition.healthChecks ? { checks: definition.healthChecks } : {}),
    }),
  );
  if (definition.routes) app.use(definition.routes);
  app.use(
    '/graphql',
    callerOfRequest(options.callerTokens),
    express.json({ limit: MAX_BODY_BYTES }),
    expressMiddleware(server, {
      context: async ({ res }) => createContext(res.locals['caller'] as Caller),
    }),
  );
  const serveGraphQLPost = graphqlPostRoute({
    server,
    callerTokens: options.callerTokens,
    createContext,
    maxBodyBytes: MAX_BODY_BYTES,
    onUnexpectedError: (error) => logger.error({ err: error }, 'unexpected error serving /graphql'),
  });
  const serve = (request: IncomingMessage, response: ServerResponse): void => {
    if (isDirectGraphQLPost(request, '/graphql')) serveGraphQLPost(request, response);
    else app(request, response);
  };
  // With tracing on, each GraphQL request runs in a server span continuing the gateway's
  // `traceparent` (the gateway is the only caller that can sign requests); scrapes stay untraced.
  const tracer = tracingEnabled() ? tracerFor(definition.name) : undefined;
  httpServer.on('request', (request: IncomingMessage, response: ServerResponse) => {
    if (tracer !== undefined && request.url?.startsWith('/graphql') === true)
      serveInServerSpan(tracer, request, response, { trustCallerContext: true }, () =>
        serve(request, response),
      );
    else serve(request, response);
  });
  httpServer.listen(options.port, options.host ?? '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    httpServer.once('listening', resolve).once('error', reject);
  });

  const { port } = httpServer.address() as AddressInfo;
  const url = `http://${options.host ?? '127.0.0.1'}:${port}/graphql`;
  logger.info({ url }, 'subgraph listening');
  return {
    name: definition.name,
    port,
    url,
    stop: async () => {
      await subscriptions?.close();
      await server.stop();
      httpServer.closeAllConnections();
    },
  };
}
