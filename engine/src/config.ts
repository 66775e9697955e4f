import { availableParallelism } from 'node:os';
import { parseBrokerList } from '@mib/events';
import { z } from 'zod';
import { WAIT_STRATEGY_NAMES, type WaitStrategyName } from './ring/index.js';

/**
 * The engine process's environment, read once and validated. Fails fast naming the variable.
 * (Uses zod directly: the shared `@mib/config` loader was still empty when this was written.)
 */
const EngineEnv = z.object({
  /** gRPC port; 0 picks a free one. */
  ENGINE_PORT: z.coerce.number().int().min(0).max(65_535).default(50_052),
  /** Bind address of the gRPC server and of /metrics and /health. */
  ENGINE_HOST: z.string().min(1).default('0.0.0.0'),
  /** Port of /metrics (Prometheus text) and /health: 9464, the conventional exporter port; 0 = a free one. */
  ENGINE_METRICS_PORT: z.coerce.number().int().min(0).max(65_535).default(9_464),
  /** Bearer token /metrics (and /health's detail) ask for; unset: open, as in development. */
  METRICS_TOKEN: z.string().min(16).optional(),
  /** Worker threads; default one per spare core. */
  ENGINE_SHARDS: z.coerce.number().int().min(1).max(64).optional(),
  /** `latency` (spin long before parking) or `idle` (park almost at once). */
  ENGINE_WAIT_STRATEGY: z
    .enum(WAIT_STRATEGY_NAMES as [WaitStrategyName, ...WaitStrategyName[]])
    .default('idle'),
  /** Journal directory (durability: acknowledged orders survive a crash); unset = no journal. */
  ENGINE_JOURNAL_DIR: z.string().min(1).optional(),
  /** Commands per shard between snapshots of a journaled engine; 0 = never. */
  ENGINE_SNAPSHOT_EVERY: z.coerce.number().int().min(0).default(100_000),
  /** Kafka bootstrap brokers, `host:port,host:port`; unset or empty = the in-process event bus. */
  KAFKA_BROKERS: z.string().optional(),
  /** Prefix of the Kafka topic names, as the subgraphs and the launcher read it: they must agree. */
  KAFKA_TOPIC_PREFIX: z.string().default('mib.'),
  /** pino level. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface EngineConfig {
  readonly port: number;
  readonly host: string;
  /** Port of /metrics and /health (0: a free one). */
  readonly metricsPort: number;
  /** Bearer token /metrics asks for; undefined = open. */
  readonly metricsToken: string | undefined;
  readonly shards: number;
  readonly waitStrategy: WaitStrategyName;
  readonly logLevel: string;
  /** Journal directory; undefined = no journal. */
  readonly journalDir: string | undefined;
  readonly snapshotEvery: number;
  /** Kafka brokers for the event bus; empty = in-process bus. */
  readonly kafkaBrokers: readonly string[];
  /** Prefix of the Kafka topic names (`mib.` → `mib.orders`, …). */
  readonly kafkaTopicPrefix: string;
}

/** Default shard count: one worker per core left after the main thread, at least one. */
export function defaultShardCount(): number {
  return Math.max(1, availableParallelism() - 1);
}

/** Thrown with every invalid variable named, e.g. `ENGINE_PORT: Too big: expected number to be <=65535`. */
export class EngineConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EngineConfigError';
  }
}

/** Reads and validates the engine's environment variables. */
export function loadEngineConfig(env: Record<string, string | undefined> = process.env): EngineConfig {
  const parsed = EngineEnv.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new EngineConfigError(`invalid engine configuration: ${problems.join('; ')}`);
  }
  const {
    ENGINE_PORT,
    ENGINE_HOST,
    ENGINE_METRICS_PORT,
    METRICS_TOKEN,
    ENGINE_SHARDS,
    ENGINE_WAIT_STRATEGY,
    ENGINE_JOURNAL_DIR,
    ENGINE_SNAPSHOT_EVERY,
    KAFKA_BROKERS,
    KAFKA_TOPIC_PREFIX,
    LOG_LEVEL,
  } = parsed.data;
  return {
    port: ENGINE_PORT,
    host: ENGINE_HOST,
    metricsPort: ENGINE_METRICS_PORT,
    metricsToken: METRICS_TOKEN,
    shards: ENGINE_SHARDS ?? defaultShardCount(),
    waitStrategy: ENGINE_WAIT_STRATEGY,
    logLevel: LOG_LEVEL,
    journalDir: ENGINE_JOURNAL_DIR,
    snapshotEvery: ENGINE_SNAPSHOT_EVERY,
    kafkaBrokers: parseBrokerList(KAFKA_BROKERS),
    kafkaTopicPrefix: KAFKA_TOPIC_PREFIX,
  };
}
