import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { CommandKind } from '../src/core/index.js';
import { EngineStoppedError } from '../src/shard/engineTypes.js';
import { ShardFailedError } from '../src/shard/engineTypes.js';
import { OrderCommandEntry } from '../src/shard/outcomes.js';
import { ShardOutputs } from '../src/shard/shardOutputs.js';
import { ShardPool } from '../src/shard/shardPool.js';
import { ShellCommandKind } from '../src/shard/workerProtocol.js';

describe('a dying shard worker', () => {
  it('is reported to the sink instead of leaving requests waiting forever', async () => {
    const pool = await ShardPool.start({ shards: 1, waitStrategy: 'idle', instruments: [[]], logger: pino({ level: 'silent' }), workerEntry: new URL('./fixtures/failingShardWorker.ts', import.meta.url) });
    const outputs = new ShardOutputs(1, 0, 16);
    const failures: number[] = [];
    outputs.onShardFailure = (shard) => failures.push(shard);
    pool.listen(outputs);
    const entry = new OrderCommandEntry(1, 0, 1, 1, 1);
    outputs.track(0, entry);
    const writer = pool.writers[0]!;
    const at = writer.claimSlot();
    writer.target[at] = CommandKind.SUBMIT;
    writer.target[at + 1] = 1;
    writer.flush();
    await expect(entry.promise).rejects.toBeInstanceOf(ShardFailedError);
    await expect(entry.promise).rejects.toThrow(/simulated shard crash/);
    expect(failures).toEqual([0]);
    expect(outputs.failureOf(0)).toBeInstanceOf(ShardFailedError);
    await pool.stop();
  });

  it('fails a depth query waiting on it instead of leaving GetOrderBook hanging', async () => {
    const pool = await ShardPool.start({ shards: 1, waitStrategy: 'idle', instruments: [[]], logger: pino({ level: 'silent' }), workerEntry: new URL('./fixtures/failingShardWorker.ts', import.meta.url) });
    const outputs = new ShardOutputs(1, 0, 16);
    pool.listen(outputs);
    const depth = outputs.awaitDepth(0, 1);
    const writer = pool.writers[0]!;
    const at = writer.claimSlot();
    writer.target[at] = ShellCommandKind.QUERY_DEPTH;
    writer.target[at + 1] = 1;
    writer.flush();
    await expect(depth).rejects.toBeInstanceOf(ShardFailedError);
    await pool.stop();
  });

  it('fails depth queries still waiting when the engine stops', async () => {
    const outputs = new ShardOutputs(2, 0, 16);
    const depth = outputs.awaitDepth(1, 7);
    outputs.failAll(new EngineStoppedError());
    await expect(depth).rejects.toBeInstanceOf(EngineStoppedError);
  });
});
