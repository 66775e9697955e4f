import type { EventBus } from '@mib/events';
import pino, { type Logger } from 'pino';
import { defaultShardCount } from './config.js';
import { serveGrpc, type GrpcAdapter } from './grpc/grpcAdapter.js';
import { DEFAULT_INSTRUMENTS, type InstrumentSpec } from './instruments.js';
import type { WaitStrategyName } from './ring/index.js';
import { EngineDurability } from './journal/engineDurability.js';
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
}

export interface RunningEngine {
  /** The bound gRPC port. */
  readonly port: number;
  readonly shards: number;
  /** Stops serving (NOT_SERVING first), then stops the shard workers. */
  close(): Promise<void>;
}

/** Starts the shard workers and the gRPC server in front of them. */
export async function startEngine(options: EngineOptions = {}): Promise<RunningEngine> {
  const logger = options.logger ?? pino({ level: 'silent' });
  const shards = options.shards ?? defaultShardCount();
  const durability =
    options.journalDir === undefined
      ? undefined
      : await EngineDurability.open(
          {
            dir: options.journalDir,
            ...(options.snapshotEvery === undefined ? {} : { snapshotEvery: options.snapshotEvery }),
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
  let closing: Promise<void> | undefined;
  /** Stops serving (NOT_SERVING first), stops the workers, then publishes what they produced. */
  const close = (): Promise<void> =>
    (closing ??= (async () => {
      await adapter?.close();
      await engine.stop();
      await publisher?.close();
      await durability?.close();
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
      host: options.host ?? '0.0.0.0',
      port: options.port ?? 50_052,
      logger,
    });
  } catch (error) {
    await close();
    throw error;
  }
  return {
    port: adapter.port,
    shards: engine.shardCount,
    close,
  };
}
