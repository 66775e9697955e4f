import type { AddressInfo } from 'node:net';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { clientErrorFormatter } from '@mib/errors';
import { createGraphQLMetrics, createMetricsRegistry, metricsPlugin, observabilityRoutes, type Logger } from '@mib/telemetry';
import { subgraphCatalog } from './compose/subgraphCatalog.js';
import { subgraphHealthCheck } from './subgraphHealth.js';
import { readSupergraph } from './supergraph.js';

export interface GatewayOptions {
  /** 0 picks a free port (tests). */
  readonly port: number;
  readonly host?: string;
  readonly logger: Logger;
  readonly production?: boolean;
  /** Overrides of the subgraph URLs in the supergraph, by subgraph name. */
  readonly subgraphUrls?: Readonly<Record<string, string>>;
  /** Composed SDL; defaults to the checked-in supergraph.graphql. */
  readonly supergraphSdl?: string;
}

export interface RunningGateway {
  readonly port: number;
  readonly url: string;
  stop(): Promise<void>;
}

/** Starts the gateway: the composed supergraph at `/graphql`, with `/health` and `/metrics`. */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const logger = options.logger.child({ component: 'gateway' });
  const registry = createMetricsRegistry('gateway');
  const subgraphUrls = Object.fromEntries(
    subgraphCatalog.map((s) => [s.name, options.subgraphUrls?.[s.name] ?? s.defaultUrl]),
  );
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl ?? readSupergraph(),
    buildService: ({ name, url }) => {
      const target = subgraphUrls[name] ?? url;
      if (!target) throw new Error(`supergraph names subgraph ${name} without a URL`);
      return new RemoteGraphQLDataSource({ url: target });
    },
    logger,
  });

  const app = express();
  app.disable('x-powered-by');
  const httpServer = app.listen(options.port, options.host ?? '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    httpServer.once('listening', resolve).once('error', reject);
  });
  const server = new ApolloServer({
    gateway,
    logger,
    introspection: !options.production,
    includeStacktraceInErrorResponses: false,
    formatError: clientErrorFormatter((error) => logger.error({ err: error }, 'unexpected error')),
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), metricsPlugin(createGraphQLMetrics(registry))],
  });
  await server.start();

  const checks = Object.fromEntries(Object.entries(subgraphUrls).map(([name, url]) => [name, subgraphHealthCheck(url)]));
  app.use(observabilityRoutes({ service: 'gateway', registry, checks }));
  app.use('/graphql', express.json({ limit: '1mb' }), expressMiddleware(server));

  const { port } = httpServer.address() as AddressInfo;
  const url = `http://${options.host ?? '127.0.0.1'}:${port}/graphql`;
  logger.info({ url }, 'gateway listening');
  return {
    port,
    url,
    stop: async () => {
      await server.stop();
      httpServer.closeAllConnections();
    },
  };
}
