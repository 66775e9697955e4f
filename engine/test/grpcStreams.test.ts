import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { status } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineRequestError, OrderBatchBuilder, type EngineEvent } from '../src/index.js';
import { collect, reportOf, startEngineFixture, type EngineFixture } from './fixtures/engineFixture.js';

let fixture: EngineFixture;
beforeAll(async () => {
  fixture = await startEngineFixture();
});
afterAll(async () => {
  await fixture.close();
});

const allShards = (sequence: string): Record<string, string> => Object.fromEntries(Array.from({ length: fixture.engine.shards }, (_, shard) => [shard, sequence]));

describe('SubmitOrders', () => {
  it('answers each batch in order with contiguous order ids and the rejected indexes', async () => {
    const stream = fixture.client.submitOrders();
    const builder = new OrderBatchBuilder();
    const batches = [];
    for (let b = 0; b < 5; b++) {
      for (let i = 0; i < 1000; i++) {
        const symbol = ['AAPL', 'EURUSD', 'BTC-USD', 'XRP-USD'][i % 4]!;
        const offTick = b === 2 && i === 16;
        builder.add({ symbol, accountId: `bulk-${i % 10}`, side: i % 2 === 0 ? 'BUY' : 'SELL', type: 'LIMIT', price: offTick ? '1.001' : i % 2 === 0 ? '1' : '100000', quantity: symbol === 'EURUSD' ? '1000' : '1' });
      }
      batches.push(builder.build());
    }
    const results = await Promise.all(batches.map((batch) => stream.submit(batch)));
    await stream.end();
    expect(results.map((result) => result.batchId)).toEqual(['1', '2', '3', '4', '5']);
    expect(results.map((result) => result.accepted)).toEqual([1000, 1000, 999, 1000, 1000]);
    expect(results[2]).toMatchObject({ rejected: 1, rejectIndexes: [16], rejectCodes: [106] });
    for (let b = 1; b < 5; b++) expect(Number(results[b]!.firstOrderId)).toBeGreaterThanOrEqual(Number(results[b - 1]!.firstOrderId) + 1000);
  });

  it('rejects unknown symbols per record and fails a batch whose bytes are not whole records', async () => {
    const stream = fixture.client.submitOrders();
    const batch = new OrderBatchBuilder().add({ symbol: 'NOPE', accountId: 'x', side: 'BUY', type: 'LIMIT', price: '1', quantity: '1' }).build();
    expect(await stream.submit(batch)).toMatchObject({ accepted: 0, rejected: 1, rejectCodes: [102] });
    const broken = stream.submit({ ...batch, orders: Buffer.alloc(33) });
    await expect(broken).rejects.toBeInstanceOf(EngineRequestError);
    await expect(broken).rejects.toMatchObject({ status: status.INVALID_ARGUMENT });
  });

  it('answers the batches before a malformed one before failing the stream, so the client knows they ran', async () => {
    const stream = fixture.client.submitOrders();
    const batch = new OrderBatchBuilder().add({ symbol: 'AAPL', accountId: 'before-broken', side: 'BUY', type: 'LIMIT', price: '1', quantity: '1' }).build();
    const [applied, broken] = await Promise.allSettled([stream.submit(batch), stream.submit({ ...batch, orders: Buffer.alloc(33) })]);
    expect(applied).toMatchObject({ status: 'fulfilled', value: { accepted: 1, rejected: 0 } });
    expect(broken).toMatchObject({ status: 'rejected', reason: { status: status.INVALID_ARGUMENT } });
  });
});

describe('StreamEvents', () => {
  it('replays a shard from a sequence, then continues live, gapless', async () => {
    const placed = reportOf(await fixture.client.submitOrder({ symbol: 'DOGE-USD', accountId: 'replay', side: 'BUY', type: 'LIMIT', price: '0.1', quantity: '100' }));
    const shard = String(placed.shard);
    const from = Number(placed.sequence) - 1;
    const stream = fixture.client.streamEvents({ fromSequences: { [shard]: String(from) } }, AbortSignal.timeout(5_000));
    const first = await collect(stream, 2);
    expect(first.map((event) => Number(event.sequence))).toEqual([from, from + 1]);
    const live = reportOf(await fixture.client.submitOrder({ symbol: 'DOGE-USD', accountId: 'replay', side: 'BUY', type: 'LIMIT', price: '0.1', quantity: '100' }));
    const rest: EngineEvent[] = [];
    for await (const event of stream) {
      if (event.shard !== placed.shard) continue;
      rest.push(event);
      if (Number(event.sequence) === Number(live.sequence)) break;
    }
    const sequences = [...first, ...rest].map((event) => Number(event.sequence));
    expect(sequences).toEqual(Array.from({ length: sequences.length }, (_, i) => from + i));
  });

  it('filters by symbol, account and kind', async () => {
    await fixture.client.submitOrder({ symbol: 'GBPUSD', accountId: 'filter-a', side: 'SELL', type: 'LIMIT', price: '1.25', quantity: '1000' });
    await fixture.client.submitOrder({ symbol: 'GBPUSD', accountId: 'filter-b', side: 'BUY', type: 'LIMIT', price: '1.25', quantity: '1000' });
    await fixture.client.submitOrder({ symbol: 'USDCHF', accountId: 'filter-a', side: 'SELL', type: 'LIMIT', price: '0.9', quantity: '1000' });
    const signal = AbortSignal.timeout(5_000);
    const bySymbol = await collect(fixture.client.streamEvents({ fromSequences: allShards('1'), symbols: ['USDCHF'] }, signal), 2);
    expect(bySymbol.map((event) => [event.symbol, event.kind])).toEqual([['USDCHF', 'ORDER_ACCEPTED'], ['USDCHF', 'QUOTE']]);
    const byAccount = await collect(fixture.client.streamEvents({ fromSequences: allShards('1'), accountIds: ['filter-b'] }, signal), 3);
    expect(byAccount.map((event) => event.kind)).toEqual(['ORDER_ACCEPTED', 'TRADE', 'ORDER_FILLED']);
    expect(byAccount[1]?.trade).toMatchObject({ price: '1.25', quantity: '1000', takerAccountId: 'filter-b', makerAccountId: 'filter-a', aggressorSide: 'BUY' });
    const trades = await collect(fixture.client.streamEvents({ fromSequences: allShards('1'), symbols: ['GBPUSD'], kinds: ['TRADE'] }, signal), 1);
    expect(trades[0]).toMatchObject({ kind: 'TRADE', schemaVersion: 1, symbol: 'GBPUSD' });
  });

  it('waits for a sequence that has not happened yet', async () => {
    const placed = reportOf(await fixture.client.submitOrder({ symbol: 'DOGE-USD', accountId: 'future', side: 'BUY', type: 'LIMIT', price: '0.1', quantity: '1' }));
    const target = Number(placed.sequence) + 3;
    const stream = fixture.client.streamEvents({ fromSequences: { [String(placed.shard)]: String(target) } }, AbortSignal.timeout(5_000));
    // Other shards are live from now on; only this shard's first event matters.
    const first = (async () => {
      for await (const event of stream) if (event.shard === placed.shard) return Number(event.sequence);
      return undefined;
    })();
    for (let i = 0; i < 3; i++) await fixture.client.submitOrder({ symbol: 'DOGE-USD', accountId: 'future', side: 'BUY', type: 'LIMIT', price: '0.1', quantity: '1' });
    expect(await first).toBe(target);
  });

  it('refuses an unknown shard or symbol', async () => {
    const signal = AbortSignal.timeout(5_000);
    await expect(collect(fixture.client.streamEvents({ fromSequences: { '99': '1' } }, signal), 1)).rejects.toMatchObject({ status: status.INVALID_ARGUMENT });
    await expect(collect(fixture.client.streamEvents({ symbols: ['NOPE'] }, signal), 1)).rejects.toMatchObject({ status: status.NOT_FOUND });
  });

  it('answers OUT_OF_RANGE for a sequence older than the retained history', async () => {
    const small = await import('./fixtures/engineFixture.js').then(({ startEngineFixture: start }) => start({ shards: 1, historyPerShard: 8 }));
    try {
      for (let i = 0; i < 10; i++) await small.client.submitOrder({ symbol: 'AAPL', accountId: 'h', side: 'BUY', type: 'LIMIT', price: '1', quantity: '1' });
      const failure = collect(small.client.streamEvents({ fromSequences: { '0': '1' } }, AbortSignal.timeout(5_000)), 1);
      await expect(failure).rejects.toMatchObject({ status: status.OUT_OF_RANGE });
      const recent = await collect(small.client.streamEvents({ fromSequences: { '0': '15' } }, AbortSignal.timeout(5_000)), 2);
      expect(recent.map((event) => event.sequence)).toEqual(['15', '16']);
    } finally {
      await small.close();
    }
  });
});

describe('StreamEvents after a restart on a journal', () => {
  it('answers OUT_OF_RANGE for sequences the restored snapshot covers instead of replaying nothing or blanks', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mib-stream-restart-'));
    const options = { shards: 1, journalDir: dir, snapshotEvery: 4, heartbeatMs: 0 };
    try {
      const first = await startEngineFixture(options);
      let last = 0;
      for (let i = 0; i < 12; i++) last = Number(reportOf(await first.client.submitOrder({ symbol: 'AAPL', accountId: 'restart', side: 'BUY', type: 'LIMIT', price: String(1 + i), quantity: '1' })).sequence);
      // Snapshots are written in the background: wait until one is on disk before the close.
      const snapshotWritten = async (): Promise<boolean> => readdirSync(join(dir, 'shard-0')).some((name) => name.endsWith('.snapshot'));
      for (let tries = 0; tries < 100 && !(await snapshotWritten()); tries++) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(await snapshotWritten()).toBe(true);
      await first.close();

      const second = await startEngineFixture(options);
      try {
        const old = collect(second.client.streamEvents({ fromSequences: { '0': '1' } }, AbortSignal.timeout(5_000)), 1);
        await expect(old).rejects.toMatchObject({ status: status.OUT_OF_RANGE });
        const newest = await collect(second.client.streamEvents({ fromSequences: { '0': String(last) } }, AbortSignal.timeout(5_000)), 1);
        expect(newest.map((event) => [event.sequence, event.kind])).toEqual([[String(last), 'QUOTE']]);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('shutdown', () => {
  it('ends open event streams with UNAVAILABLE instead of hanging the shutdown', async () => {
    const own = await startEngineFixture({ shards: 1 });
    reportOf(await own.client.submitOrder({ symbol: 'AAPL', accountId: 'shutdown', side: 'BUY', type: 'LIMIT', price: '1', quantity: '1' }));
    const stream = own.client.streamEvents({ fromSequences: { '0': '1' } });
    const first = await stream.next();
    expect(first.done).toBe(false);
    const started = Date.now();
    const [, rest] = await Promise.all([own.engine.close(), collect(stream, 1_000_000).catch((error: unknown) => error)]);
    expect(rest).toMatchObject({ status: status.UNAVAILABLE });
    expect(Date.now() - started).toBeLessThan(4_000);
    own.client.close();
  });
});
