/**
 * Subscription fan-out: N graphql-transport-ws clients on one gateway process, all subscribed to
 * the same federated subscription (each event is completed through a second subgraph), events
 * published at a fixed rate. Reports delivered events/s and publish-to-client latency p50/p99,
 * medians of runs, for each server: the gateway's own (`gateway`) and graphql-ws's `useServer`
 * over the same `FederatedSubscriptions` (`graphql-ws`, the baseline). Runs alternate between the
 * servers, so both see the same machine load.
 *
 *   npm run bench -w @mib/gateway
 *   (SUBSCRIBERS=10000 EVENTS=20 RUNS=3 EVENT_INTERVAL_MS=1000 SERVERS=gateway,graphql-ws by default)
 */
import { availableParallelism, cpus, loadavg } from 'node:os';
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
  startSubscriptionServer,
  testToken,
  type ServerKind,
} from '../test/subscriptions/subscriptionServerFixture.js';
import { median, percentile } from './percentiles.js';

const SUBSCRIBERS = Number(process.env['SUBSCRIBERS'] ?? 10_000);
const EVENTS = Number(process.env['EVENTS'] ?? 20);
const RUNS = Number(process.env['RUNS'] ?? 3);
const EVENT_INTERVAL_MS = Number(process.env['EVENT_INTERVAL_MS'] ?? 1000);
const SERVERS = (process.env['SERVERS'] ?? 'gateway,graphql-ws').split(',') as ServerKind[];
const OWNER = '00000000-0000-4000-8000-00000000b0b0';

interface RunResult {
  eventsPerSecond: number;
  /**
   * CPU time (user + system) of this process — the server, and the toy subgraphs' fixed work
   * per event — per delivery. Unlike latency, hardly inflated by other processes' load.
   */
  cpuMicrosPerDelivery: number;
  /**
   * CPU time of the subscriber process per delivery (reading and parsing one message): on this
   * machine the clients share the server's cores, so it bounds how fast any server can fan out.
   */
  clientCpuMicrosPerDelivery: number;
  /** Share of the server's CPU time spent in the kernel (mostly TCP writes on loopback). */
  systemShare: number;
  p50: number;
  p99: number;
  delivered: number;
}

/** Starts the subscriber process and resolves once all its clients are subscribed. */
async function startSubscribers(url: string): Promise<ChildProcess> {
  const settings = {
    url,
    count: SUBSCRIBERS,
    token: testToken(OWNER),
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
    const onExit = (code: number | null) => settle(new Error(`subscriber process exited with ${code}`));
    const onMessage = (message: Message) => {
      if (message.type === type) settle(undefined, message);
    };
    const settle = (error: Error | undefined, message?: Message) => {
      worker.off('message', onMessage).off('error', settle).off('exit', onExit);
      if (message) resolve(message);
      else reject(error ?? new Error('subscriber process failed'));
    };
    worker.on('message', onMessage).once('error', settle).once('exit', onExit);
  });
}

interface SubscriberReport {
  readonly delivered: number;
  readonly latencies: number[];
  /** The subscriber process's CPU time (user + system) so far. */
  readonly cpuMicros: number;
}

/** What the subscriber process has received so far (asked for every 100 ms). */
async function reportOf(worker: ChildProcess): Promise<SubscriberReport> {
  await new Promise((resolve) => setTimeout(resolve, 100));
  worker.send('report');
  return waitFor<{ type: string } & SubscriberReport>(worker, 'report');
}

async function run(kind: ServerKind): Promise<RunResult> {
  const server = await startSubscriptionServer(kind);
  const { toys } = server;
  const subscribers = await startSubscribers(server.url);
  await toys.events.waitForSubscribers(1, 30_000);
  const expected = SUBSCRIBERS * EVENTS;
  const { cpuMicros: clientCpuBefore } = await reportOf(subscribers);
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
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
  const cpu = process.cpuUsage(cpuBefore);
  subscribers.send('close');
  await waitFor(subscribers, 'closed');
  subscribers.kill();
  await server.stop();
  const { delivered, latencies } = report;
  latencies.sort((a, b) => a - b);
  return {
    eventsPerSecond: delivered / elapsedSeconds,
    cpuMicrosPerDelivery: (cpu.user + cpu.system) / delivered,
    systemShare: cpu.system / (cpu.user + cpu.system),
    clientCpuMicrosPerDelivery: (report.cpuMicros - clientCpuBefore) / delivered,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    delivered,
  };
}

const results = new Map<ServerKind, RunResult[]>(SERVERS.map((kind) => [kind, []]));
for (let index = 0; index < RUNS; index++) {
  for (const kind of SERVERS) {
    const result = await run(kind);
    results.get(kind)?.push(result);
    console.log(
      `run ${index + 1} ${kind}: ${result.delivered} deliveries, ${Math.round(result.eventsPerSecond)} events/s, ` +
        `p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, ` +
        `server CPU ${result.cpuMicrosPerDelivery.toFixed(1)} µs/delivery ` +
        `(${Math.round(result.systemShare * 100)}% kernel), clients CPU ${result.clientCpuMicrosPerDelivery.toFixed(1)} µs/delivery, ` +
        `load ${loadavg()[0]?.toFixed(1)}`,
    );
  }
}
console.log(
  `\nmachine: ${availableParallelism()} cores, ${cpus()[0]?.model ?? 'unknown CPU'}, node ${process.version}, load average ${loadavg()
    .map((load) => load.toFixed(1))
    .join(' ')}`,
);
console.log(
  `${SUBSCRIBERS} subscribers × ${EVENTS} events at one per ${EVENT_INTERVAL_MS} ms, ${RUNS} runs (medians):`,
);
for (const [kind, runs] of results) {
  console.log(
    `  ${kind.padEnd(10)}  delivered events/s ${Math.round(median(runs.map((r) => r.eventsPerSecond)))}` +
      `  p50 ${median(runs.map((r) => r.p50)).toFixed(1)} ms  p99 ${median(runs.map((r) => r.p99)).toFixed(1)} ms` +
      `  server CPU ${median(runs.map((r) => r.cpuMicrosPerDelivery)).toFixed(1)} µs/delivery` +
      `  clients CPU ${median(runs.map((r) => r.clientCpuMicrosPerDelivery)).toFixed(1)} µs/delivery`,
  );
}
// One event to every subscriber needs (server + clients) CPU per delivery × subscribers, spread
// over at most every core: no server on this machine can fan out faster than that.
for (const [kind, runs] of results) {
  const perDelivery = median(runs.map((r) => r.cpuMicrosPerDelivery + r.clientCpuMicrosPerDelivery));
  console.log(
    `  ${kind.padEnd(10)}  least time to fan one event out to ${SUBSCRIBERS} on ${availableParallelism()} cores: ` +
      `${((perDelivery * SUBSCRIBERS) / availableParallelism() / 1000).toFixed(1)} ms`,
  );
}
