import { fileURLToPath } from 'node:url';
import { MIN_SECRET_LENGTH } from '@mib/auth';
import { loadConfig, logLevel, nodeEnv, port, postgresUrl, secretList, z } from '@mib/config';
import { protectionEnvironment } from '@mib/gateway';
import { requireDataKeysInProduction, usersDataKeys } from '@mib/subgraph-users';

const launcherEnvironment = z
  .object({
    /** Use this PostgreSQL instead of the embedded one. */
    DATABASE_URL: postgresUrl().optional(),
    /** Where the embedded PostgreSQL keeps its data (must be readable by the OS user postgres). */
    DATA_DIR: z.string().default(fileURLToPath(new URL('../../../.data', import.meta.url))),
    /** Port of the embedded PostgreSQL; 5432 is usually a system server's. */
    EMBEDDED_POSTGRES_PORT: port(54329),
    /**
     * Gateway port; subgraphs take the next five (4001–4005 by default), the engine's /metrics and
     * /health the sixth (4006); all free ports when 0.
     */
    PORT: port(4000),
    HOST: z.string().default('127.0.0.1'),
    /** Kafka bootstrap brokers, comma-separated; unset = the in-process event bus. */
    KAFKA_BROKERS: z.string().optional(),
    /** Prefix of every Kafka topic name, so deployments (and test runs) sharing brokers stay apart. */
    KAFKA_TOPIC_PREFIX: z.string().default('mib.'),
    /**
     * Where the engine journals accepted commands (fsynced) and keeps snapshots; an acknowledged
     * order survives a crash. Default: `<DATA_DIR>/engine-journal`.
     */
    ENGINE_JOURNAL_DIR: z.string().optional(),
    /** The engine's gRPC port (0: a free one). */
    ENGINE_PORT: port(50052),
    /**
     * Secrets the gateway signs caller tokens with, newest first. Unset: a random one per start
     * (every service runs in this one process, so nothing else needs to know it).
     */
    CALLER_TOKEN_SECRETS: secretList(MIN_SECRET_LENGTH).optional(),
    /**
     * Keys that seal the users subgraph's signing keys and TOTP secrets at rest, newest first.
     * Unset: stored in plaintext (with a warning), so an embedded database reused across starts
     * stays readable; required in production.
     */
    USERS_DATA_KEYS: usersDataKeys(),
    /**
     * Prepended to every Redis key this deployment writes (sessions, login throttles, the
     * gateway's rate limits and persisted queries), so deployments and test runs can share a Redis.
     */
    REDIS_NAMESPACE: z.string().default(''),
    NODE_ENV: nodeEnv(),
    // The gateway's protections (REDIS_URL, rate limits, operation limits, trusted documents…).
    ...protectionEnvironment,
    /** Seed the demo data on start (idempotent). */
    SEED_DEMO_DATA: z.stringbool().default(true),
    /**
     * `on`: a built-in market simulator trades the demo instruments as the seeded simulated market
     * makers once everything is up, so quotes, candles, the tape and books move and orders find
     * liquidity. Needs the demo seed (its accounts); ignored with a warning without it.
     */
    MARKET_SIMULATOR: z.enum(['on', 'off']).default('on'),
    /** Simulated commands (orders and cancels) per second across all demo instruments. */
    MARKET_SIMULATOR_RATE: z.coerce.number().positive().max(10_000).default(10),
    LOG_LEVEL: logLevel(),
  })
  .superRefine(requireDataKeysInProduction);

export type LauncherConfig = z.infer<typeof launcherEnvironment>;

export const loadLauncherConfig = (env?: Readonly<Record<string, string | undefined>>): LauncherConfig =>
  loadConfig('launcher', launcherEnvironment, env);
