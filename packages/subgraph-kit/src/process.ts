import { CallerTokens, MIN_SECRET_LENGTH } from '@mib/auth';
import { loadConfig, logLevel, nodeEnv, port, postgresUrl, redisUrl, secretList, z } from '@mib/config';
import { createPrismaClient, type PrismaClient } from '@mib/db';
import { EngineClient } from '@mib/engine';
import { createEventBus } from '@mib/events';
import { createLogger, startTracing, type HealthCheck } from '@mib/telemetry';
import { Redis } from 'ioredis';
import type { DatabaseSubgraph } from './databaseSubgraph.js';

/** `/health` check that the subgraph's database answers. */
export const databaseHealthCheck =
  (prisma: PrismaClient): HealthCheck =>
  async () => {
    await prisma.$queryRaw`SELECT 1`;
    return { ok: true };
  };

/** The environment every subgraph reads when it runs as its own process. */
export const subgraphEnvironment = (defaultPort: number) =>
  z.object({
    /** Port for /graphql, /health and /metrics. */
    PORT: port(defaultPort),
    /** Interface to bind; 0.0.0.0 in containers. */
    HOST: z.string().default('127.0.0.1'),
    /** The platform's PostgreSQL; each subgraph uses only its own schema in it. */
    DATABASE_URL: postgresUrl(),
    /** Kafka bootstrap brokers, comma-separated. Unset: an in-process bus (this process only). */
    KAFKA_BROKERS: z.string().optional(),
    /** Prefix of every Kafka topic name (deployments sharing brokers stay apart). */
    KAFKA_TOPIC_PREFIX: z.string().default('mib.'),
    /** The matching engine's gRPC address. */
    ENGINE_URL: z.string().default('127.0.0.1:50052'),
    /** The secrets the gateway signs caller tokens with (the gateway's CALLER_TOKEN_SECRETS). */
    CALLER_TOKEN_SECRETS: secretList(MIN_SECRET_LENGTH),
    /** Redis for state shared across replicas (sessions, throttles); unset: kept in PostgreSQL or in process. */
    REDIS_URL: redisUrl().optional(),
    /** Bearer token /metrics (and /health's detail) ask for; unset: open, as in development. */
    METRICS_TOKEN: z.string().min(16).optional(),
    LOG_LEVEL: logLevel(),
    NODE_ENV: nodeEnv(),
  });

/**
 * Runs one subgraph as a stand-alone process (production style): validated configuration,
 * its own Prisma client, and a clean shutdown on SIGINT/SIGTERM.
 */
export async function runSubgraphProcess(subgraph: DatabaseSubgraph, defaultPort: number): Promise<void> {
  const config = loadConfig(subgraph.name, subgraphEnvironment(defaultPort));
  const logger = createLogger(subgraph.name, { level: config.LOG_LEVEL });
  // Before the engine client and the server: both decide when made whether to trace.
  const tracing = startTracing({ serviceName: subgraph.name });
  const prisma = createPrismaClient(config.DATABASE_URL);
  const events = await createEventBus({
    logger,
    kafkaBrokers: config.KAFKA_BROKERS,
    topicPrefix: config.KAFKA_TOPIC_PREFIX,
  });
  const engine = new EngineClient(config.ENGINE_URL);
  const redis = config.REDIS_URL ? new Redis(config.REDIS_URL) : undefined;
  const service = await subgraph.start(
    prisma,
    {
      port: config.PORT,
      host: config.HOST,
      logger,
      production: config.NODE_ENV === 'production',
      callerTokens: new CallerTokens(config.CALLER_TOKEN_SECRETS),
      metricsToken: config.METRICS_TOKEN,
    },
    { events, engine, ...(redis ? { redis } : {}) },
  );
  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    await service.stop();
    engine.close();
    await events.close();
    redis?.disconnect();
    await prisma.$disconnect();
    await tracing.shutdown();
    process.exit(0);
  };
  process.once('SIGINT', (signal) => void shutdown(signal));
  process.once('SIGTERM', (signal) => void shutdown(signal));
}
