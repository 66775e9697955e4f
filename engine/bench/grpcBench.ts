/**
 * gRPC throughput against an engine in a child process: unary SubmitOrder requests/s (many
 * concurrent calls) against batched SubmitOrders orders/s (pre-encoded 32-byte records, several
 * batches in flight). The unary figure is the baseline of the batched one.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { EngineClient, OrderBatchBuilder } from '../src/index.js';
import type { BenchResult } from './core.js';
import { FLOW_ACCOUNTS, FLOW_PRICE, flowInstruments, flowSide } from './flow.js';
import { median } from './stats.js';

async function startServer(shards: number, wait: string): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', new URL('./grpcServerProcess.ts', import.meta.url).pathname], {
    env: { ...process.env, BENCH_SHARDS: String(shards), BENCH_WAIT: wait },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  const [line] = (await once(lines, 'line')) as [string];
  return { child, port: (JSON.parse(line) as { port: number }).port };
}

async function unaryRun(client: EngineClient, requests: number, concurrency: number): Promise<number> {
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests) {
        const i = next++;
        const instrument = flowInstruments[i % flowInstruments.length]!;
        await client.submitOrder({ symbol: instrument.symbol, accountId: `bench-${i % FLOW_ACCOUNTS}`, side: flowSide(i) === 1 ? 'BUY' : 'SELL', type: 'LIMIT', price: '100', quantity: String(instrument.lotUnits / 1e8) });
      }
    }),
  );
  return requests / ((performance.now() - start) / 1000);
}

/** GetQuote is answered on the server's main thread without a worker round trip: the transport's own floor. */
async function quoteRun(client: EngineClient, requests: number, concurrency: number): Promise<number> {
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests) {
        next++;
        await client.getQuote('AAPL');
      }
    }),
  );
  return requests / ((performance.now() - start) / 1000);
}

function flowBatch(size: number): ReturnType<OrderBatchBuilder['build']> {
  const builder = new OrderBatchBuilder(size);
  for (let i = 0; i < size; i++) {
    const instrument = flowInstruments[i % flowInstruments.length]!;
    builder.add({ symbol: instrument.symbol, accountId: `bench-${i % FLOW_ACCOUNTS}`, side: flowSide(i) === 1 ? 'BUY' : 'SELL', type: 'LIMIT', price: FLOW_PRICE, quantity: instrument.lotUnits });
  }
  return builder.build();
}

async function batchedRun(client: EngineClient, orders: number, batchSize: number, inFlight: number): Promise<number> {
  const batch = flowBatch(batchSize);
  const stream = client.submitOrders();
  const start = performance.now();
  const running = new Set<Promise<unknown>>();
  let accepted = 0;
  for (let sent = 0; sent < orders; sent += batchSize) {
    const result = stream.submit(batch).then((r) => (accepted += r.accepted));
    running.add(result);
    void result.then(() => running.delete(result));
    if (running.size >= inFlight) await Promise.race(running);
  }
  await Promise.all(running);
  const seconds = (performance.now() - start) / 1000;
  await stream.end();
  if (accepted !== Math.ceil(orders / batchSize) * batchSize) throw new Error(`only ${accepted} orders accepted`);
  return Math.ceil(orders / batchSize) * batchSize / seconds;
}

export async function benchGrpc(runs: number, shards: number, wait: string): Promise<BenchResult[]> {
  const { child, port } = await startServer(shards, wait);
  const client = new EngineClient(`127.0.0.1:${port}`, { deadlineMs: 60_000 });
  try {
    const unaryRequests = 10_000;
    const batchOrders = 2_000_000;
    const batchSize = 8192;
    const inFlight = 8;
    await unaryRun(client, 2_000, 64);
    await batchedRun(client, 200_000, batchSize, inFlight);
    const unary: number[] = [];
    const quotes: number[] = [];
    const batched: number[] = [];
    for (let r = 0; r < runs; r++) {
      unary.push(await unaryRun(client, unaryRequests, 64));
      quotes.push(await quoteRun(client, unaryRequests, 64));
      batched.push(await batchedRun(client, batchOrders, batchSize, inFlight));
    }
    const value = median(batched);
    const baseline = median(unary);
    return [
      { name: 'gRPC unary GetQuote (no worker round trip)', value: median(quotes), unit: 'requests/s', detail: 'the same client and server, answered from the main thread: what grpc-js itself allows here' },
      { name: 'gRPC unary SubmitOrder', value: baseline, unit: 'requests/s', detail: `${unaryRequests.toLocaleString('en')} requests, 64 concurrent, server in a child process with ${shards} shard(s); median of ${runs}` },
      {
        name: 'gRPC batched SubmitOrders',
        value,
        unit: 'orders/s',
        baseline: { name: 'unary SubmitOrder requests/s', value: baseline },
        ratio: value / baseline,
        detail: `${batchOrders.toLocaleString('en')} orders in batches of ${batchSize} (32-byte records), ${inFlight} batches in flight on one stream; median of ${runs}`,
      },
    ];
  } finally {
    client.close();
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
}
