import type { HealthCheck } from '@mib/telemetry';
import type { GrpcAdapter } from '../grpc/grpcAdapter.js';
import type { ShardedEngine } from '../shard/shardedEngine.js';

/**
 * `/health`'s checks: every shard worker alive, and the gRPC server SERVING as its
 * grpc.health.v1 service reports it (NOT_SERVING once a shard died or shutdown began).
 */
export function engineHealthChecks(
  engine: Pick<ShardedEngine, 'shardCount' | 'isShardAlive'>,
  grpc: Pick<GrpcAdapter, 'isServing'>,
): Record<string, HealthCheck> {
  return {
    shards: () => {
      const dead = Array.from({ length: engine.shardCount }, (_, shard) => shard).filter(
        (shard) => !engine.isShardAlive(shard),
      );
      const detail = `${engine.shardCount - dead.length} of ${engine.shardCount} shard workers alive`;
      return Promise.resolve({
        ok: dead.length === 0,
        detail: dead.length === 0 ? detail : `${detail}; dead: ${dead.join(', ')}`,
      });
    },
    grpc: () => {
      const ok = grpc.isServing();
      return Promise.resolve({ ok, detail: ok ? 'SERVING' : 'NOT_SERVING' });
    },
  };
}
