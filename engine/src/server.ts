import type { EventBus } from '@mib/events';
import { createMetricsRegistry, tracingEnabled, type Registry } from '@mib/telemetry';
import pino, { type Logger } from 'pino';
import { defaultShardCount } from './config.js';
import { grpcTracingInterceptor } from './grpc/callTracing.js';
import { serveGrpc, type GrpcAdapter } from './grpc/grpcAdapter.js';
import { DEFAULT_INSTRUMENTS, type InstrumentSpec } from './instruments.js';
import type { WaitStrategyName } from './ring/index.js';
import { EngineDurability } from './journal/engineDurability.js';
import { CommandCounters } from './metrics/commandCounters.js';
import { engineHealthChecks } from './metrics/engineHealth.js';
import { registerEngineMetrics } from './metrics/engineMetrics.js';
import { grpcMetricsInterceptor } from './metrics/grpcMetrics.js';
import { journalMetrics } from './metrics/journalMetrics.js';
import { serveMetrics, type MetricsServer } from './metrics/metricsServer.js';
import { EventPublisher } from './publishing/eventPublisher.js';
import { ShardedEngine } from './shard/shardedEngine.js';

export interface EngineOptions {
  /** gRPC port; 0 picks a free one (tests). Default 50052. */
  readonly port?: number;
  /** Bind address. Default `0.0.0.0`. */
  readonly host?: string;
  /** Worker threads (shards). Default one per spare core: max(1, availableParallelism − 1). */
  readonly shards?: number;
  /** `idle` (park almost at once; default, shared machines) or `latency` (spin ~ms before parking). */
  readonly waitStrategy?: WaitStrategyName;
  /** Instruments traded. Default `DEFAULT_INSTRUMENTS` (20 equities, FX pairs and crypto pairs). */
  readonly instruments?: readonly InstrumentSpec[];
  /** Events kept per shard for StreamEvents replay. Default 100 000. */
  readonly historyPerShard?: number;
  /** Slots per ring and direction. Default 65 536. */
  readonly ringCapacity?: number;
  /** ADVANCE_TIME heartbeat closing candles of quiet symbols, in ms. Default 1 000; 0 = off. */
  readonly heartbeatMs?: number;
  /** pino logger; default a silent one. */
  readonly logger?: Logger;
  /**
   * Where every event goes as a `TradingEvent` (packages/events), in each shard's sequence
   * order, batched. Default none: events only reach StreamEvents. The caller owns the bus and
   * closes it after `close()`, which first publishes everything produced before.
   */
  readonly eventBus?: EventBus;
  /**
   * Journal directory: every command a shard accepts is fsynced there (group commit) before it
   * runs, so an acknowledged order survives a crash; on start the newest snapshot and the
   * journal after it are replayed, and ids and sequences continue. Default none (no durability).
   */
  readonly journalDir?: string;
  /** Commands per shard between snapshots when journaling. Default 100 000; 0 = never. */
  readonly snapshotEvery?: number;
  /**
   * Port of the HTTP endpoint serving `/metrics` (Prometheus text) and `/health` on `host`; 0
   * picks a free one. Default none: no endpoint and no metrics registry (tests start many engines).
   */
  readonly metricsPort?: number | undefined;
  /** Bearer token `/metrics` (and `/health`'s detail) ask for. Default none: open. */
  readonly metricsToken?: string | undefined;
}

export interface RunningEngine {
  /** The bound gRPC port. */
  readonly port: number;
  /** The bound port of `/metrics` and `/health`; undefined without `metricsPort`. */
  readonly metricsPort: number | undefined;
  /** The prom-client registry `/metrics` serves, with every engine metric; undefined without `metricsPort`. */
  readonly metrics: Registry | undefined;
  readonly shards: number;
  /** Stops serving (NOT_SERVING first), then stops the shard workers. */
  close(): Promise<void>;
}

/** Starts the shard workers and the gRPC server in front of them. */
export async function startEngine(options: EngineOptions = {}): Promise<RunningEngine> {
  const logger = options.logger ?? pino({ level: 'silent' });
  const shards = options.shards ?? defaultShardCount();
  const host = options.host ?? '0.0.0.0';
  // Counted on the main thread where answers are handled; read only when /metrics is scraped.
  const commands = new CommandCounters();
  const registry = options.metricsPort === undefined ? undefined : createMetricsRegistry('engine');
  const durability =
    options.journalDir === undefined
      ? undefined
      : await EngineDurability.open(
          {
            dir: options.journalDir,
            ...(options.snapshotEvery === undefined ? {} : { snapshotEvery: options.snapshotEvery }),
            timings: registry === undefined ? undefined : journalMetrics(registry),
          },
          shards,
          logger,
        );
  const stopping: { close?: () => Promise<void> } = {};
  const engine = await ShardedEngine.start({
    // A failed journal write leaves commands that must not run: stop serving (the error is logged).
    ...durability?.hooks(() => void stopping.close?.()),
    instruments: options.instruments ?? DEFAULT_INSTRUMENTS,
    shards,
    waitStrategy: options.waitStrategy ?? 'idle',
    logger,
    ...(options.historyPerShard === undefined ? {} : { historyPerShard: options.historyPerShard }),
    ...(options.ringCapacity === undefined ? {} : { ringCapacity: options.ringCapacity }),
    ...(options.heartbeatMs === undefined ? {} : { heartbeatMs: options.heartbeatMs }),
  });
  let adapter: GrpcAdapter | undefined;
  let metrics: MetricsServer | undefined;
  let closing: Promise<void> | undefined;
  /** Stops serving (NOT_SERVING first), stops the workers, then publishes what they produced. */
  const close = (): Promise<void> =>
    (closing ??= (async () => {
      await adapter?.close();
      await engine.stop();
      await publisher?.close();
      await durability?.close();
      await metrics?.close();
    })());
  stopping.close = close;
  const publisher =
    options.eventBus === undefined
      ? undefined
      : new EventPublisher(engine, {
          bus: options.eventBus,
          logger,
          // A bus that cannot keep up must stop the engine, never lose events: stop serving.
          onOverflow: () => void close(),
        });
  try {
    // Snapshots wait for the publisher: one stored before the bus has its events would lose them in a crash.
    durability?.resume(engine, publisher);
    adapter = await serveGrpc(engine, {
      host,
      port: options.port ?? 50_052,
      logger,
      commands,
      interceptors: [...(registry === undefined ? [] : [grpcMetricsInterceptor(registry)]), ...(tracingEnabled() ? [grpcTracingInterceptor()] : [])],
    });
    if (registry !== undefined && options.metricsPort !== undefined) {
      registerEngineMetrics(registry, { engine, commands, publisher });
      metrics = await serveMetrics({
        port: options.metricsPort,
        host,
        registry,
        checks: engineHealthChecks(engine, adapter),
        metricsToken: options.metricsToken,
      });
      logger.info({ port: metrics.port }, 'engine /metrics and /health listening');
    }
  } catch (error) {
    await close();
    throw error;
  }
  return {
    port: adapter.port,
    metricsPort: metrics?.port,
    metrics: registry,
    shards: engine.shardCount,
    close,
  };
}
