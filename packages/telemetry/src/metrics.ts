import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export { Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * A Prometheus registry per service (not the global one) so several services can share a
 * process in the embedded default without their metrics colliding.
 */
export function createMetricsRegistry(service: string, options: { defaultMetrics?: boolean } = {}): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry });
  return registry;
}

/** The GraphQL request metrics every GraphQL server in the platform exports. */
export interface GraphQLMetrics {
  readonly requests: Counter<'operation' | 'outcome'>;
  readonly duration: Histogram<'operation'>;
}

export function createGraphQLMetrics(registry: Registry): GraphQLMetrics {
  return {
    requests: new Counter({
      name: 'graphql_requests_total',
      help: 'GraphQL operations executed, by operation name and outcome (ok or error)',
      labelNames: ['operation', 'outcome'],
      registers: [registry],
    }),
    duration: new Histogram({
      name: 'graphql_request_duration_seconds',
      help: 'Time from request parsed to response ready',
      labelNames: ['operation'],
      // Sub-millisecond buckets: the gateway's latency target is p99 < 10 ms.
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
  };
}
