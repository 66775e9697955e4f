/**
 * Where the subgraphs' time goes in one dashboard: records the subgraph requests our gateway sends
 * for it, then replays each alone against the subgraphs' process (one at a time, like the
 * one-connection round) and prints its latency and the subgraph process's CPU per request.
 *
 *   npx tsx bench/queries/subgraphFetchCosts.ts   (REPEATS=400; SUBGRAPH=<name> replays only its requests)
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTestDatabase } from '@mib/db/testing';
import { seedDemoData } from '@mib/db';
import { composeSupergraph } from '../../src/compose/composeSupergraph.js';
import { subgraphCatalog } from '../../src/compose/subgraphCatalog.js';
import { median, percentile } from '../percentiles.js';
import { benchCallerTokens, clientHeaders, signedCallerHeader } from './callerIdentity.js';
import { assertDashboard, dashboardBody } from './dashboardQuery.js';
import { startChild } from './childProcess.js';

const REPEATS = Number(process.env['REPEATS'] ?? 400);
const HOP_BY_HOP = new Set(['host', 'content-length', 'connection', 'transfer-encoding', 'keep-alive']);

interface RecordedFetch {
  readonly subgraph: string;
  readonly url: string;
  readonly body: string;
}

const secret = randomBytes(32).toString('base64url');
await using database = await createTestDatabase();
await seedDemoData(database.prisma);
const names = subgraphCatalog.map((entry) => entry.name);
await using subgraphs = await startChild<{ urls: Record<string, string> }>('subgraphsProcess.ts', {
  databaseUrl: database.url,
  secret,
  names,
});

// A forwarding proxy per subgraph (any method and path, as the gateway also fetches the users
// subgraph's JWKS) that records the GraphQL requests the gateway sends.
const recorded: RecordedFetch[] = [];
const proxies = await Promise.all(
  names.map((name) => startRecordingProxy(name, subgraphs.ready.urls[name] ?? '')),
);
const proxiedUrls = Object.fromEntries(proxies.map((proxy) => [proxy.name, proxy.url]));

await using gateway = await startChild<{ url: string }>('gatewayProcess.ts', {
  kind: 'ours',
  supergraphSdl: composeSupergraph(
    subgraphCatalog.map((entry) => ({ ...entry, defaultUrl: proxiedUrls[entry.name] ?? '' })),
  ),
  subgraphUrls: proxiedUrls,
  secret,
  deduplicate: true,
});
const headers = await clientHeaders(gateway.ready.url);
recorded.length = 0; // only the dashboard's own requests, not the logIn before it
const answer = await fetch(gateway.ready.url, {
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: dashboardBody,
});
assertDashboard(await answer.text());
for (const proxy of proxies) proxy.server.close();

// One caller token for the whole replay, as a gateway reuses a caller's token for half its TTL.
const callerHeader = Object.fromEntries([signedCallerHeader(benchCallerTokens(secret))]);
const replay = async (fetched: RecordedFetch) => {
  const response = await fetch(fetched.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...callerHeader },
    body: fetched.body,
  });
  const text = await response.text();
  if (!response.ok || text.includes('"errors"'))
    throw new Error(`${fetched.subgraph}: ${text.slice(0, 300)}`);
};

console.log(`${recorded.length} subgraph requests per dashboard; each replayed ${REPEATS} times alone\n`);
console.log('| subgraph | request | p50 | p99 | subgraph CPU per request |');
console.log('| --- | --- | --- | --- | --- |');
let totalCpu = 0;
const only = process.env['SUBGRAPH'];
for (const fetched of recorded.filter((entry) => only === undefined || entry.subgraph === only)) {
  for (let i = 0; i < 50; i++) await replay(fetched);
  const latencies: number[] = [];
  const cpuBefore = await subgraphs.cpuMicros();
  for (let i = 0; i < REPEATS; i++) {
    const started = performance.now();
    await replay(fetched);
    latencies.push(performance.now() - started);
  }
  const cpuMs = ((await subgraphs.cpuMicros()) - cpuBefore) / 1000 / REPEATS;
  totalCpu += cpuMs;
  latencies.sort((a, b) => a - b);
  const query = (JSON.parse(fetched.body) as { query: string }).query.replace(/\s+/g, ' ').slice(0, 70);
  console.log(
    `| ${fetched.subgraph} | \`${query}…\` | ${median(latencies).toFixed(2)} ms | ${percentile(latencies, 99).toFixed(2)} ms | ${cpuMs.toFixed(2)} ms |`,
  );
}
console.log(`\nsubgraph CPU for one dashboard's requests, each alone: ${totalCpu.toFixed(2)} ms`);

async function startRecordingProxy(name: string, target: string) {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = chunks.length > 0 ? Buffer.concat(chunks).toString() : undefined;
      if (request.method === 'POST' && body?.startsWith('{"query"'))
        recorded.push({ subgraph: name, url: target, body });
      const method = request.method ?? 'GET';
      fetch(new URL(request.url ?? '/', target), {
        method,
        headers: forwarded(request.headers),
        ...(body === undefined ? {} : { body }),
      })
        .then(async (answer) => {
          response.writeHead(answer.status, {
            'content-type': answer.headers.get('content-type') ?? 'application/json',
          });
          response.end(await answer.text());
        })
        .catch((error: unknown) => {
          console.error(error);
          response.writeHead(502).end();
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { pathname } = new URL(target);
  return { name, server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${pathname}` };
}

function forwarded(incoming: IncomingHttpHeaders): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(incoming))
    if (typeof value === 'string' && !HOP_BY_HOP.has(name)) kept[name] = value;
  return kept;
}
