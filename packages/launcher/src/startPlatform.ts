import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { CallerTokens } from '@mib/auth';
import { applyMigrations, createPrismaClient, seedDemoData, startEmbeddedPostgres } from '@mib/db';
import { EngineClient, startEngine } from '@mib/engine';
import { createEventBus } from '@mib/events';
import { protectionSettings, startGateway } from '@mib/gateway';
import { startSubgraphs } from '@mib/subgraph-kit';
import { marketDataSubgraph } from '@mib/subgraph-market-data';
import { ordersSubgraph } from '@mib/subgraph-orders';
import { portfolioSubgraph } from '@mib/subgraph-portfolio';
import { riskSubgraph } from '@mib/subgraph-risk';
import { createUsersSubgraph } from '@mib/subgraph-users';
import type { Logger } from '@mib/telemetry';
import { Redis } from 'ioredis';
import type { LauncherConfig } from './config.js';
import { startMarketFeed } from './marketFeed.js';
import { ShutdownSequence } from './shutdown.js';

/** In the order of their ports: the gateway's port + 1 … + 5. */
const subgraphsOf = (config: LauncherConfig) => [
  createUsersSubgraph({ dataKeys: config.USERS_DATA_KEYS ?? [] }),
  marketDataSubgraph,
  ordersSubgraph,
  portfolioSubgraph,
  riskSubgraph,
];

export interface RunningPlatform {
  readonly gatewayUrl: string;
  /** The engine's Prometheus endpoint; `/health` beside it. */
  readonly engineMetricsUrl: string;
  /** Subgraph name → its GraphQL URL (reachable, but they serve only what the gateway signs). */
  readonly subgraphUrls: Readonly<Record<string, string>>;
  stop(): Promise<void>;
}

/**
 * Database (embedded unless DATABASE_URL is set) → migrations → demo seed → event bus → engine →
 * subgraphs → gateway → market simulator (MARKET_SIMULATOR).
 * Each step undoes the earlier ones if a later one fails, so a failed start leaves nothing running.
 */
export async function startPlatform(config: LauncherConfig, logger: Logger): Promise<RunningPlatform> {
  const shutdown = new ShutdownSequence(logger);
  const stop = () => shutdown.run();
  try {
    let databaseUrl = config.DATABASE_URL;
    if (!databaseUrl) {
      const embedded = await startEmbeddedPostgres({
        dataDir: path.join(config.DATA_DIR, 'postgres'),
        port: config.EMBEDDED_POSTGRES_PORT,
      });
      shutdown.add('embedded PostgreSQL', () => embedded.stop());
      databaseUrl = embedded.url;
      logger.info(
        { dataDir: config.DATA_DIR, port: config.EMBEDDED_POSTGRES_PORT },
        'embedded PostgreSQL started',
      );
    }
    const migrations = await applyMigrations(databaseUrl);
    logger.info(migrations, 'migrations applied');
    // Five subgraphs share this client (a process of their own each gets node-postgres' 10).
    const prisma = createPrismaClient(databaseUrl, { maxConnections: 20 });
    shutdown.add('database client', () => prisma.$disconnect());
    if (config.SEED_DEMO_DATA) await seedDemoData(prisma);

    const events = await createEventBus({
      logger,
      kafkaBrokers: config.KAFKA_BROKERS,
      topicPrefix: config.KAFKA_TOPIC_PREFIX,
    });
    shutdown.add('event bus', () => events.close());
    const engineServer = await startEngine({
      port: config.ENGINE_PORT,
      host: config.HOST,
      logger: logger.child({ service: 'engine' }),
      eventBus: events,
      journalDir: config.ENGINE_JOURNAL_DIR ?? path.join(config.DATA_DIR, 'engine-journal'),
      // After the subgraphs' PORT + 1 … + 5; all free ports when PORT is 0.
      metricsPort: config.PORT === 0 ? 0 : config.PORT + 6,
    });
    shutdown.add('engine', () => engineServer.close());
    const engine = new EngineClient(`${config.HOST}:${engineServer.port}`);
    shutdown.add('engine client', () => engine.close());
    const engineMetricsUrl = `http://${config.HOST}:${engineServer.metricsPort}/metrics`;
    logger.info(
      { port: engineServer.port, shards: engineServer.shards, metricsUrl: engineMetricsUrl },
      'engine started',
    );

    const redis = config.REDIS_URL
      ? new Redis(config.REDIS_URL, { keyPrefix: config.REDIS_NAMESPACE })
      : undefined;
    if (redis) shutdown.add('Redis client', () => redis.disconnect());
    const callerTokens = new CallerTokens(
      config.CALLER_TOKEN_SECRETS ?? [randomBytes(32).toString('base64url')],
    );

    const subgraphs = subgraphsOf(config);
    const portOf = (name: string) =>
      config.PORT === 0 ? 0 : config.PORT + 1 + subgraphs.findIndex((subgraph) => subgraph.name === name);
    const running = await startSubgraphs(subgraphs, prisma, {
      logger,
      portOf,
      host: config.HOST,
      callerTokens,
      services: { events, engine, ...(redis ? { redis } : {}) },
    });
    shutdown.add('subgraphs', () => running.stop());
    const gateway = await startGateway({
      port: config.PORT,
      host: config.HOST,
      logger,
      subgraphUrls: running.urls,
      callerTokens,
      production: config.NODE_ENV === 'production',
      protection: protectionSettings(
        { ...config, REDIS_KEY_PREFIX: `${config.REDIS_NAMESPACE}${config.REDIS_KEY_PREFIX}` },
        config.NODE_ENV === 'production',
      ),
    });
    shutdown.add('gateway', () => gateway.stop());
    if (config.MARKET_SIMULATOR === 'on') {
      if (config.SEED_DEMO_DATA) {
        const feed = startMarketFeed(
          engine,
          config.MARKET_SIMULATOR_RATE,
          logger.child({ service: 'market-simulator' }),
        );
        shutdown.add('market simulator', () => feed.stop());
      } else logger.warn('MARKET_SIMULATOR=on ignored: it trades as demo accounts and SEED_DEMO_DATA is off');
    }
    return { gatewayUrl: gateway.url, engineMetricsUrl, subgraphUrls: running.urls, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
