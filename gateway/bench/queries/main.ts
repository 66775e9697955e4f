/**
 * Federated queries: the dashboard query through three gateways over the same running subgraphs
 * and seeded database: ours (`startGateway` with its defaults), stock `@apollo/gateway` in a plain
 * `@apollo/server`, and Hive Gateway's runtime. Each gateway runs in its own process and the load
 * (autocannon, closed loop at fixed connections) in this one. Rounds rotate the order so drift in
 * the machine's load (2 shared cores) falls on every gateway alike. Reports medians of req/s,
 * p50/p99, req/s relative to stock Apollo (per round, then the median), and the CPU time the
 * gateway's process and the subgraphs' process spent per answered request: the figure that
 * other work on the machine distorts least.
 *
 *   npm run bench:queries -w @mib/gateway
 *   (CONNECTIONS=8,1 DURATION_SECONDS=8 ROUNDS=5 WARMUP_REQUESTS=300 GATEWAYS=ours,apollo,hive
 *   SUBGRAPH_PROCESSES=one DEDUPLICATION=on by default)
 */
import { randomBytes } from 'node:crypto';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { createTestDatabase } from '@mib/db/testing';
import { seedDemoData } from '@mib/db';
import { composeSupergraph } from '../../src/compose/composeSupergraph.js';
import { subgraphCatalog } from '../../src/compose/subgraphCatalog.js';
import { median } from '../percentiles.js';
import { clientHeaders } from './callerIdentity.js';
import { assertDashboard, dashboardBody } from './dashboardQuery.js';
import { GATEWAY_KINDS, GATEWAY_LABELS, type GatewayKind } from './gatewaysUnderTest.js';
import { loadRound, type RoundResult } from './loadRound.js';
import { startChild, type Child } from './childProcess.js';

/** Each level is measured in turn: 8 connections load two cores fully; 1 shows a lone request's latency. */
const CONNECTION_LEVELS = (process.env['CONNECTIONS'] ?? '8,1').split(',').map(Number);
const DURATION_SECONDS = Number(process.env['DURATION_SECONDS'] ?? 8);
const ROUNDS = Number(process.env['ROUNDS'] ?? 5);
const WARMUP_REQUESTS = Number(process.env['WARMUP_REQUESTS'] ?? 300);
const KINDS = (process.env['GATEWAYS']?.split(',') ?? GATEWAY_KINDS) as GatewayKind[];
/**
 * DEDUPLICATION=off: ours and Hive send every subgraph request, as stock Apollo Gateway does. On
 * (the default, as each ships), the bench's one user at 8 connections sends identical queries
 * together, which they answer with one subgraph request.
 */
const DEDUPLICATE = process.env['DEDUPLICATION'] !== 'off';

const secret = randomBytes(32).toString('base64url');
await using database = await createTestDatabase();
await seedDemoData(database.prisma);
// SUBGRAPH_PROCESSES=one (default): the five subgraphs share a process, as `npm start` runs them;
// `each`: a process per subgraph, as docker-compose deploys them.
const subgraphGroups =
  process.env['SUBGRAPH_PROCESSES'] === 'each'
    ? subgraphCatalog.map((entry) => [entry.name])
    : [subgraphCatalog.map((entry) => entry.name)];
await using subgraphs = await startSubgraphProcesses(subgraphGroups);
const supergraphSdl = composeSupergraph(
  subgraphCatalog.map((entry) => ({ ...entry, defaultUrl: subgraphs.urls[entry.name] ?? '' })),
);
await using running = {
  gateways: new Map<GatewayKind, Child<{ url: string }>>(),
  async [Symbol.asyncDispose]() {
    for (const gateway of this.gateways.values()) await gateway[Symbol.asyncDispose]();
  },
};
const { gateways } = running;
for (const kind of KINDS) {
  const setup = { kind, supergraphSdl, subgraphUrls: subgraphs.urls, secret, deduplicate: DEDUPLICATE };
  gateways.set(kind, await startChild<{ url: string }>('gatewayProcess.ts', setup));
}

const headers = await clientHeaders(gateways.get('ours')?.ready.url);
const urlOf = (kind: GatewayKind) => gateways.get(kind)?.ready.url ?? '';
const load = (kind: GatewayKind, connections: number, durationSeconds: number, requests?: number) =>
  loadRound({
    url: urlOf(kind),
    body: dashboardBody,
    headers,
    connections,
    durationSeconds,
    ...(requests === undefined ? {} : { requests }),
  });

for (const kind of KINDS) {
  const response = await fetch(urlOf(kind), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: dashboardBody,
  });
  assertDashboard(await response.text());
  // Until the JIT has compiled each gateway's hot paths: the same number of requests for each.
  await load(kind, Math.max(...CONNECTION_LEVELS), 600, WARMUP_REQUESTS);
}

/** The subgraphs' processes, one per group of names; their CPU time is summed. */
async function startSubgraphProcesses(nameGroups: readonly (readonly string[])[]) {
  const children = await Promise.all(
    nameGroups.map((names) =>
      startChild<{ urls: Record<string, string> }>('subgraphsProcess.ts', {
        databaseUrl: database.url,
        secret,
        names,
      }),
    ),
  );
  return {
    urls: Object.assign({}, ...children.map((child) => child.ready.urls)) as Record<string, string>,
    cpuMicros: async () =>
      (await Promise.all(children.map((child) => child.cpuMicros()))).reduce(
        (sum, micros) => sum + micros,
        0,
      ),
    async [Symbol.asyncDispose]() {
      await Promise.all(children.map((child) => child[Symbol.asyncDispose]()));
    },
  };
}

/** A round's load figures, with the CPU each process spent per answered request. */
interface Measured extends RoundResult {
  readonly gatewayCpuMs: number;
  readonly subgraphsCpuMs: number;
}

async function measure(kind: GatewayKind, connections: number): Promise<Measured> {
  const gateway = gateways.get(kind)!;
  const [gatewayBefore, subgraphsBefore] = [await gateway.cpuMicros(), await subgraphs.cpuMicros()];
  const result = await load(kind, connections, DURATION_SECONDS);
  const [gatewayAfter, subgraphsAfter] = [await gateway.cpuMicros(), await subgraphs.cpuMicros()];
  return {
    ...result,
    gatewayCpuMs: (gatewayAfter - gatewayBefore) / 1000 / result.answered,
    subgraphsCpuMs: (subgraphsAfter - subgraphsBefore) / 1000 / result.answered,
  };
}

for (const connections of CONNECTION_LEVELS) {
  const results = new Map<GatewayKind, Measured[]>(KINDS.map((kind) => [kind, []]));
  const loads: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const order = KINDS.map((_, index) => KINDS[(index + round) % KINDS.length]!);
    for (const kind of order) {
      const result = await measure(kind, connections);
      if (result.failures > 0)
        throw new Error(`${kind}: ${result.failures} failed requests in round ${round + 1}`);
      results.get(kind)?.push(result);
      process.stdout.write(
        `${connections} conn. round ${round + 1} ${kind.padEnd(6)} ${result.requestsPerSecond.toFixed(0).padStart(6)} req/s  p50 ${result.p50.toFixed(2)} ms  p99 ${result.p99.toFixed(2)} ms  ` +
          `CPU per request: gateway ${result.gatewayCpuMs.toFixed(2)} ms, subgraphs ${result.subgraphsCpuMs.toFixed(2)} ms\n`,
      );
    }
    loads.push(loadavg()[0] ?? Number.NaN);
  }

  const summary = KINDS.map((kind) => {
    const rounds = results.get(kind) ?? [];
    return {
      kind,
      requestsPerSecond: median(rounds.map((r) => r.requestsPerSecond)),
      p50: median(rounds.map((r) => r.p50)),
      p99: median(rounds.map((r) => r.p99)),
      gatewayCpuMs: median(rounds.map((r) => r.gatewayCpuMs)),
      subgraphsCpuMs: median(rounds.map((r) => r.subgraphsCpuMs)),
      // Per-round ratio to stock Apollo, then the median: both ran within seconds of each other.
      ratio: median(
        rounds.map(
          (r, index) => r.requestsPerSecond / (results.get('apollo')?.[index]?.requestsPerSecond ?? NaN),
        ),
      ),
      cpuRatio: median(
        rounds.map((r, index) => r.gatewayCpuMs / (results.get('apollo')?.[index]?.gatewayCpuMs ?? NaN)),
      ),
    };
  });
  process.stdout.write(
    `\nmachine: ${availableParallelism()} cores, ${cpus()[0]?.model ?? 'unknown CPU'}, node ${process.version}, ` +
      `1-min load average during rounds ${Math.min(...loads).toFixed(2)}–${Math.max(...loads).toFixed(2)}\n` +
      `${connections} connections, ${ROUNDS} rounds of ${DURATION_SECONDS} s per gateway, subgraph request deduplication ${DEDUPLICATE ? 'on' : 'off'} (medians; ratios = medians of per-round ratios to stock Apollo)\n\n` +
      `| gateway | req/s | p50 | p99 | req/s vs stock Apollo | gateway CPU per request | gateway CPU vs stock Apollo | subgraphs CPU per request |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n`,
  );
  for (const row of summary)
    process.stdout.write(
      `| ${GATEWAY_LABELS[row.kind]} | ${row.requestsPerSecond.toFixed(0)} | ${row.p50.toFixed(2)} ms | ${row.p99.toFixed(2)} ms | ${row.ratio.toFixed(2)} | ${row.gatewayCpuMs.toFixed(2)} ms | ${row.cpuRatio.toFixed(2)} | ${row.subgraphsCpuMs.toFixed(2)} ms |\n`,
    );
}
