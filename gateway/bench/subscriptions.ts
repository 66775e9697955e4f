/**
 * Subscription fan-out: N graphql-ws clients on one gateway process, all subscribed to the same
 * federated subscription (each event is completed through a second subgraph), events published at
 * a fixed rate. Reports delivered events/s and publish-to-client latency p50/p99, medians of runs.
 *
 *   npm run bench -w @mib/gateway   (SUBSCRIBERS=10000 EVENTS=200 RUNS=3 EVENT_INTERVAL_MS=20 by default)
 */
import { availableParallelism, cpus } from 'node:os';
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { silentLogger } from '@mib/telemetry';
import { startGateway } from '../src/index.js';
import { startToySubgraphs } from '../test/subscriptions/toySubgraphs.js';
import { median, percentile } from './percentiles.js';

const SUBSCRIBERS = Number(process.env['SUBSCRIBERS'] ?? 10_000);
const EVENTS = Number(process.env['EVENTS'] ?? 200);
const RUNS = Number(process.env['RUNS'] ?? 3);
const EVENT_INTERVAL_MS = Number(process.env['EVENT_INTERVAL_MS'] ?? 20);
const OWNER = '00000000-0000-4000-8000-00000000b0b0';

interface RunResult {
  eventsPerSecond: number;
  p50: number;
  p99: number;
  delivered: number;
}

/** Starts the subscriber process and resolves once all its clients are subscribed. */
async function startSubscribers(url: string): Promise<ChildProcess> {
  const settings = {
    url,
    count: SUBSCRIBERS,
    token: OWNER,
    query: 'subscription { orderUpdates { id status instrument { name } } }',
  };
  const child = fork(
    fileURLToPath(new URL('./subscriberProcess.mjs', import.meta.url)),
    [JSON.stringify(settings)],
    { execArgv: [] },
  );
  await waitFor(child, 'ready');
  return child;
}

function waitFor<Message extends { type: string }>(worker: ChildProcess, type: string): Promise<Message> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: Message) => {
      if (message.type !== type) return;
      worker.off('message', onMessage);
      resolve(message);
    };
    worker.on('message', onMessage);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`subscriber process exited with ${code}`)));
  });
}

/** What the subscriber process has received so far (asked for every 100 ms). */
async function reportOf(worker: ChildProcess): Promise<{ delivered: number; latencies: number[] }> {
  await new Promise((resolve) => setTimeout(resolve, 100));
  worker.send('report');
  return waitFor<{ type: string; delivered: number; latencies: number[] }>(worker, 'report');
}

async function run(): Promise<RunResult> {
  const toys = await startToySubgraphs();
  const gateway = await startGateway({
    port: 0,
    logger: silentLogger(),
    supergraphSdl: toys.supergraphSdl,
    subgraphUrls: toys.urls,
    maxSubscriptionsPerConnection: 10,
  });
  const subscribers = await startSubscribers(gateway.url.replace(/^http/, 'ws'));
  await toys.events.waitForSubscribers(1, 30_000);
  const expected = SUBSCRIBERS * EVENTS;
  const started = performance.now();
  for (let index = 0; index < EVENTS; index++) {
    // The id carries the publish time, so the subscriber process can measure latency itself.
    const id = `t${performance.timeOrigin + performance.now()}`;
    toys.events.publish({ id, status: 'OPEN', owner: OWNER, instrumentId: index % 2 ? 'i1' : 'i2' });
    await new Promise((resolve) => setTimeout(resolve, EVENT_INTERVAL_MS));
  }
  let report = await reportOf(subscribers);
  const deadline = performance.now() + 60_000;
  while (report.delivered < expected && performance.now() < deadline) report = await reportOf(subscribers);
  const elapsedSeconds = (performance.now() - started) / 1000;
  subscribers.send('close');
  await waitFor(subscribers, 'closed');
  subscribers.kill();
  await gateway.stop();
  await toys.stop();
  const { delivered, latencies } = report;
  latencies.sort((a, b) => a - b);
  return {
    eventsPerSecond: delivered / elapsedSeconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    delivered,
  };
}

const results: RunResult[] = [];
for (let index = 0; index < RUNS; index++) {
  const result = await run();
  results.push(result);
  console.log(
    `run ${index + 1}: ${result.delivered} deliveries, ${Math.round(result.eventsPerSecond)} events/s, p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms`,
  );
}
console.log(
  `\nmachine: ${availableParallelism()} cores, ${cpus()[0]?.model ?? 'unknown CPU'}, node ${process.version}`,
);
console.log(
  `${SUBSCRIBERS} subscribers × ${EVENTS} events at one per ${EVENT_INTERVAL_MS} ms, ${RUNS} runs (medians):`,
);
console.log(`  delivered events/s  ${Math.round(median(results.map((r) => r.eventsPerSecond)))}`);
console.log(`  latency p50         ${median(results.map((r) => r.p50)).toFixed(1)} ms`);
console.log(`  latency p99         ${median(results.map((r) => r.p99)).toFixed(1)} ms`);
