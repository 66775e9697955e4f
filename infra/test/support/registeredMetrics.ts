/**
 * The metrics the services register, read from the services themselves: the subgraphs' registries
 * built by the exported registration functions (a started subgraph needs a database and does not
 * hand out its registry), and the registries a started gateway and engine serve. Each registry's
 * /metrics text gives its default labels; the metric objects give every family's own label names,
 * series or not.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEngine } from '@mib/engine';
import { InProcessEventBus } from '@mib/events';
import { loadGatewayConfig, startGateway } from '@mib/gateway';
import { ConsumerMetrics } from '@mib/subgraph-kit';
import { LoginMetrics } from '@mib/subgraph-users';
import { createGraphQLMetrics, createMetricsRegistry, silentLogger, type Registry } from '@mib/telemetry';

/** What one service serves at /metrics: its registry and the text Prometheus scrapes. */
export interface ServiceMetrics {
  readonly service: string;
  readonly registry: Registry;
  readonly exposition: string;
}

/** Series name (`x_bucket`, `x_count` … for histograms) → the label names its series may carry. */
export type SeriesCatalog = ReadonlyMap<string, ReadonlySet<string>>;

/** Labels Prometheus attaches to every scraped series, and the series it records per target. */
export const TARGET_LABELS = ['job', 'instance'] as const;

/** What `registry` serves, read from the service's own /metrics at `url`. */
async function servedMetrics(
  service: string,
  registry: Registry | undefined,
  url: string,
): Promise<ServiceMetrics> {
  if (registry === undefined) throw new Error(`${service} started without a metrics registry`);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return { service, registry, exposition: await response.text() };
}

/**
 * A subgraph's metrics as databaseSubgraph and startSubgraph register them, with the users
 * subgraph's own sign-in counters for `users`.
 */
async function subgraphMetrics(service: 'orders' | 'users'): Promise<ServiceMetrics> {
  const registry = createMetricsRegistry(service);
  createGraphQLMetrics(registry);
  new ConsumerMetrics(registry);
  if (service === 'users') new LoginMetrics().registerIn(registry);
  return { service, registry, exposition: await registry.metrics() };
}

/**
 * Starts a gateway (no subgraph needs to answer for it to start) and an engine with a journal and
 * an event bus (without them it registers no journal timings and no publish lag), reads their
 * /metrics, and stops them.
 */
export async function registeredServiceMetrics(): Promise<ServiceMetrics[]> {
  const config = loadGatewayConfig({ CALLER_TOKEN_SECRETS: 'infra-test-'.repeat(4), PORT: '0' });
  const gateway = await startGateway({ ...config, logger: silentLogger() });
  const journalDir = mkdtempSync(join(tmpdir(), 'mib-infra-journal-'));
  const eventBus = new InProcessEventBus({ logger: silentLogger() });
  try {
    const engine = await startEngine({
      port: 0,
      host: '127.0.0.1',
      shards: 2,
      metricsPort: 0,
      heartbeatMs: 0,
      journalDir,
      eventBus,
    });
    try {
      return [
        await servedMetrics('gateway', gateway.metrics, gateway.url.replace(/\/graphql$/, '/metrics')),
        await servedMetrics('engine', engine.metrics, `http://127.0.0.1:${engine.metricsPort ?? 0}/metrics`),
        await subgraphMetrics('orders'),
        await subgraphMetrics('users'),
      ];
    } finally {
      await engine.close();
    }
  } finally {
    await gateway.stop();
    await eventBus.close();
    rmSync(journalDir, { recursive: true, force: true });
  }
}

/** Metric families named in an exposition's `# TYPE` lines, with their type. */
export function exposedFamilies(exposition: string): Map<string, string> {
  return new Map([...exposition.matchAll(/^# TYPE (\S+) (\S+)$/gm)].map((match) => [match[1]!, match[2]!]));
}

/** Label names every sample of an exposition carries: the registry's default labels. */
export function defaultLabels(exposition: string): string[] {
  const sampleLabels = exposition
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => [...(/\{(.*)\}/.exec(line)?.[1] ?? '').matchAll(/(\w+)="/g)].map((match) => match[1]!));
  const [first = [], ...rest] = sampleLabels;
  return first.filter((label) => rest.every((labels) => labels.includes(label)));
}

/** A prom-client metric object's label names (the object is the Metric; its type says less). */
const labelNamesOf = (metric: object): string[] =>
  'labelNames' in metric && Array.isArray(metric.labelNames) ? metric.labelNames.map(String) : [];

/** Every series the services' registries can expose, with the labels Prometheus stores on them. */
export function seriesCatalog(services: readonly ServiceMetrics[]): SeriesCatalog {
  const catalog = new Map<string, Set<string>>([['up', new Set(TARGET_LABELS)]]);
  const add = (series: string, labels: readonly string[]): void => {
    const known = catalog.get(series) ?? new Set(TARGET_LABELS);
    for (const label of labels) known.add(label);
    catalog.set(series, known);
  };
  for (const { registry, exposition } of services) {
    const extra = defaultLabels(exposition);
    // prom-client's typings give `type` as a numeric enum it does not use: the text says the type.
    const types = exposedFamilies(exposition);
    for (const metric of registry.getMetricsAsArray()) {
      const labels = [...labelNamesOf(metric), ...extra];
      const type = types.get(metric.name);
      if (type === 'histogram') {
        add(`${metric.name}_bucket`, [...labels, 'le']);
        add(`${metric.name}_sum`, labels);
        add(`${metric.name}_count`, labels);
      } else if (type === 'summary') {
        add(metric.name, [...labels, 'quantile']);
        add(`${metric.name}_sum`, labels);
        add(`${metric.name}_count`, labels);
      } else {
        add(metric.name, labels);
      }
    }
  }
  return catalog;
}
