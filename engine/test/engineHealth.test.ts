import { describe, expect, it } from 'vitest';
import { engineHealthChecks } from '../src/metrics/engineHealth.js';

const run = async (checks: ReturnType<typeof engineHealthChecks>) =>
  Object.fromEntries(
    await Promise.all(Object.entries(checks).map(async ([name, check]) => [name, await check()] as const)),
  );

describe('the engine health checks', () => {
  it('are ok while every shard is alive and gRPC is serving', async () => {
    const checks = engineHealthChecks({ shardCount: 3, isShardAlive: () => true }, { isServing: () => true });
    expect(await run(checks)).toEqual({
      shards: { ok: true, detail: '3 of 3 shard workers alive' },
      grpc: { ok: true, detail: 'SERVING' },
    });
  });

  it('fail naming the dead shard, and when gRPC is not serving', async () => {
    const checks = engineHealthChecks(
      { shardCount: 3, isShardAlive: (shard) => shard !== 1 },
      { isServing: () => false },
    );
    expect(await run(checks)).toEqual({
      shards: { ok: false, detail: '2 of 3 shard workers alive; dead: 1' },
      grpc: { ok: false, detail: 'NOT_SERVING' },
    });
  });
});
