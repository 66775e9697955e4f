import type { GraphQLResolverMap } from '@apollo/subgraph';
import type { BaseContext } from '@apollo/server';
import type { DocumentNode } from 'graphql';
import type { Caller, CallerTokens, Identity } from '@mib/auth';
import type { Router } from 'express';
import type { PrismaClient } from '@mib/db';
import { createMetricsRegistry, type Logger, type Registry } from '@mib/telemetry';
import { ConsumerMetrics, meteredEventBus } from './consumerMetrics.js';
import type { BackgroundTask, PlatformServices } from './platformServices.js';
import { databaseHealthCheck } from './process.js';
import {
  loadTypeDefs,
  startSubgraph,
  type RunningService,
  type SubgraphServerOptions,
} from './startSubgraph.js';

/** A subgraph whose data lives in the platform's PostgreSQL, described once. */
export interface DatabaseSubgraph {
  readonly name: string;
  readonly typeDefs: DocumentNode;
  /**
   * Starts the subgraph over `prisma`, with a database check in `/health`, and its background
   * tasks (read-model consumers) when platform services are given.
   */
  start(
    prisma: PrismaClient,
    options: SubgraphServerOptions,
    services?: PlatformServices,
  ): Promise<RunningService>;
}

export function databaseSubgraph<Context extends BaseContext>(definition: {
  name: string;
  /** The subgraph's `schema.graphql`, e.g. `new URL('./schema.graphql', import.meta.url)`. */
  schemaFile: URL;
  /**
   * The codegen-typed `Resolvers` of the subgraph. They are checked against the schema where
   * they are written; Apollo's resolver map type is looser, hence the widening here.
   */
  resolvers: object;
  createContext: (
    prisma: PrismaClient,
    identity: Identity | null,
    services: PlatformServices | undefined,
    caller: Caller,
  ) => Context;
  /**
   * Adds the subgraph's own metrics (beside its requests and event consumers, e.g. refused
   * logins) to the registry its `/metrics` serves; called once per start, before anything else.
   */
  metrics?: (registry: Registry) => void;
  /** HTTP routes beside `/graphql`, e.g. public keys or internal endpoints for the gateway. */
  routes?: (dependencies: {
    prisma: PrismaClient;
    callerTokens: CallerTokens;
    services: PlatformServices | undefined;
  }) => Router;
  /** Read-model consumers and other work that runs beside the server. */
  background?: (
    prisma: PrismaClient,
    services: PlatformServices,
    logger: Logger,
  ) => Promise<readonly BackgroundTask[]>;
}): DatabaseSubgraph {
  const typeDefs = loadTypeDefs(definition.schemaFile);
  return {
    name: definition.name,
    typeDefs,
    start: async (prisma, options, platform) => {
      // One registry for the service, so its /metrics shows its own consumers beside its requests.
      const metricsRegistry = createMetricsRegistry(definition.name);
      definition.metrics?.(metricsRegistry);
      const services = platform && {
        ...platform,
        events: meteredEventBus(platform.events, new ConsumerMetrics(metricsRegistry)),
      };
      const tasks =
        services && definition.background
          ? await definition.background(prisma, services, options.logger)
          : [];
      const service = await startSubgraph<Context>(
        {
          name: definition.name,
          typeDefs,
          resolvers: definition.resolvers as GraphQLResolverMap<Context>,
          createContext: (caller) => definition.createContext(prisma, caller.identity, services, caller),
          healthChecks: { database: databaseHealthCheck(prisma) },
          metricsRegistry,
          ...(definition.routes
            ? { routes: definition.routes({ prisma, callerTokens: options.callerTokens, services }) }
            : {}),
        },
        options,
      );
      return {
        ...service,
        stop: async () => {
          await service.stop();
          await Promise.all(tasks.map((task) => task.close()));
        },
      };
    },
  };
}
