import { Server, ServerCredentials, type ChannelOptions, type ServerInterceptor } from '@grpc/grpc-js';
import type { Logger } from 'pino';
import type { CommandCounters } from '../metrics/commandCounters.js';
import type { ShardedEngine } from '../shard/shardedEngine.js';
import { HealthService } from './healthService.js';
import { loadEngineProto, loadHealthProto } from './loadProtos.js';
import { rejectMalformed, tolerantDecoding } from './malformedMessages.js';
import { streamHandlers } from './streamHandlers.js';
import { unaryHandlers } from './unaryHandlers.js';
import { WireMessages } from './wireMessages.js';

/** Fully qualified service name, as health checks name it. */
export const ENGINE_SERVICE_NAME = 'mib.engine.v1.MatchingEngine';

export interface GrpcAdapter {
  readonly port: number;
  /** Whether the health service reports the server SERVING (not before start, after a shard died or on close). */
  isServing(): boolean;
  /** Reports NOT_SERVING, then stops accepting calls and waits (up to `graceMs`) for running ones. */
  close(graceMs?: number): Promise<void>;
}

/** Server options: large batches (default 4 MiB messages would cap a batch at 131 072 orders). */
const SERVER_OPTIONS: ChannelOptions = {
  'grpc.max_receive_message_length': 64 * 1024 * 1024,
  'grpc.max_send_message_length': 64 * 1024 * 1024,
};

export interface GrpcServeOptions {
  readonly host: string;
  readonly port: number;
  readonly logger: Logger;
  /** Where the handlers count commands by kind and outcome. */
  readonly commands: CommandCounters;
  /** Server interceptors (the metrics endpoint's per-call counter, the per-call trace span). Default none. */
  readonly interceptors?: ServerInterceptor[];
}

/** The thin gRPC transport around the shell: engine service + grpc.health.v1 on one port. */
export async function serveGrpc(engine: ShardedEngine, options: GrpcServeOptions): Promise<GrpcAdapter> {
  const server = new Server({ ...SERVER_OPTIONS, interceptors: options.interceptors ?? [] });
  const wire = new WireMessages(engine.registry, engine.accounts);
  const logger = options.logger;
  const streams = streamHandlers(engine, wire, logger, options.commands);
  const definition = loadEngineProto().mib.engine.v1.MatchingEngine.service;
  server.addService(
    tolerantDecoding(definition),
    rejectMalformed(definition, {
      ...unaryHandlers(engine, wire, logger, options.commands),
      SubmitOrders: streams.SubmitOrders,
      StreamEvents: streams.StreamEvents,
      IngestTrades: streams.IngestTrades,
    }),
  );
  const health = new HealthService([ENGINE_SERVICE_NAME]);
  server.addService(loadHealthProto().grpc.health.v1.Health.service, health.handlers);
  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync(`${options.host}:${options.port}`, ServerCredentials.createInsecure(), (error, bound) => (error === null ? resolve(bound) : reject(error)));
  });
  health.setAll('SERVING');
  engine.onShardFailure = () => health.setAll('NOT_SERVING');
  logger.info({ port, shards: engine.shardCount }, 'engine gRPC server listening');

  return {
    port,
    isServing: () => health.statusOf('') === 'SERVING',
    async close(graceMs = 5_000) {
      health.setAll('NOT_SERVING');
      health.close();
      streams.endEventStreams();
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          server.forceShutdown();
          resolve();
        }, graceMs);
        server.tryShutdown(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
  };
}
