/**
 * Subscription fan-out: N graphql-ws clients on one gateway process, all subscribed to the same
 * federated subscription (each event is completed through a second subgraph), events published at
 * a fixed rate. Reports delivered events/s and publish-to-client latency p50/p99, medians of runs.
 *
 *   npm run bench -w @mib/gateway            (SUBSCRIBERS=10000 EVENTS=200 RUNS=3 by default)
 */
import { availableParallelism, cpus } from 'node:os';
import WebSocket from 'ws';
import { silentLogger } from '@mib/telemetry';
import { startGateway } from '../src/index.js';
import { startToySubgraphs } from '../test/subscriptions/toySubgraphs.js';
import { median, percentile } from './percentiles.js';

const SUBSCRIBERS = Number(process.env['SUBSCRIBERS'] ?? 10_000);
const EVENTS = Number(process.env['EVENTS'] ?? 200);
const RUNS = Number(process.env['RUNS'] ?? 3);
const EVENT_INTERVAL_MS = 20;
const OWNER = '00000000-0000-4000-8000-00000000b0b0';

interface RunResult {
  eventsPerSecond: number;
  p50: number;
  p99: number;
  delivered: number;
}

/** One raw graphql-transport-ws client: cheaper than the full client, so the gateway is what we measure. */
function connectSubscriber(url: string, onEvent: (orderId: string) => void): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, 'graphql-transport-ws');
    socket.on('open', () =>
      socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${OWNER}` } })),
    );
    socket.on('message', (raw: Buffer) => {
      const message = JSON.parse(raw.toString()) as {
        type: string;
        payload?: { data?: { orderUpdates?: { id: string } } };
      };
      if (message.type === 'connection_ack') {
        socket.send(
          JSON.stringify({
            id: '1',
            type: 'subscribe',
            payload: { query: 'subscription { orderUpdates { id status instrument { name } } }' },
          }),
        );
        resolve(socket);
      } else if (message.type === 'next' && message.payload?.data?.orderUpdates) {
        onEvent(message.payload.data.orderUpdates.id);
      }
    });
    socket.on('error', reject);
  });
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
  const publishedAt = new Map<string, number>();
  const latencies: number[] = [];
  let delivered = 0;
  const wsUrl = gateway.url.replace(/^http/, 'ws');
  const sockets: WebSocket[] = [];
  for (let opened = 0; opened < SUBSCRIBERS; opened += 500) {
    const batch = Math.min(500, SUBSCRIBERS - opened);
    sockets.push(
      ...(await Promise.all(
        Array.from({ length: batch }, () =>
          connectSubscriber(wsUrl, (id) => {
            delivered++;
            const sent = publishedAt.get(id);
            if (sent !== undefined) latencies.push(performance.now() - sent);
          }),
        ),
      )),
    );
  }
  await toys.events.waitForSubscribers(1, 30_000);
  const expected = SUBSCRIBERS * EVENTS;
  const started = performance.now();
  for (let index = 0; index < EVENTS; index++) {
    const id = `o${index}`;
    publishedAt.set(id, performance.now());
    toys.events.publish({ id, status: 'OPEN', owner: OWNER, instrumentId: index % 2 ? 'i1' : 'i2' });
    await new Promise((resolve) => setTimeout(resolve, EVENT_INTERVAL_MS));
  }
  const deadline = performance.now() + 60_000;
  while (delivered < expected && performance.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 20));
  const elapsedSeconds = (performance.now() - started) / 1000;
  for (const socket of sockets) socket.terminate();
  await gateway.stop();
  await toys.stop();
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
