import { beforeAll, describe, expect, it } from 'vitest';
import { unknownReferences, withRecordedSeries } from './support/metricReferences.js';
import {
  dashboardExpressions,
  recordedSeries,
  ruleExpressions,
  variableQueries,
} from './support/monitoring.js';
import {
  exposedFamilies,
  registeredServiceMetrics,
  seriesCatalog,
  type SeriesCatalog,
  type ServiceMetrics,
} from './support/registeredMetrics.js';

let services: ServiceMetrics[];
let catalog: SeriesCatalog;
beforeAll(async () => {
  services = await registeredServiceMetrics();
  catalog = withRecordedSeries(seriesCatalog(services), recordedSeries());
});

describe('the metrics the services register', () => {
  it('are what their /metrics serves, each sample labelled with its service', () => {
    for (const { service, registry, exposition } of services) {
      const registered = registry.getMetricsAsArray().map((metric) => metric.name);
      expect([...exposedFamilies(exposition).keys()].sort(), service).toEqual(registered.sort());
      expect(exposition, service).toContain(`service="${service}"`);
    }
  });

  it('include each service’s own families', () => {
    for (const name of [
      'graphql_requests_total',
      'gateway_subgraph_fetch_duration_seconds_bucket',
      'events_last_applied_event_age_seconds',
      'engine_journal_commit_duration_seconds_bucket',
      'engine_event_publish_lag_events',
      'users_login_throttled_total',
      'gateway_operations_refused_total',
      'process_cpu_seconds_total',
    ])
      expect(catalog.has(name), name).toBe(true);
  });
});

describe('metric references in monitoring/', () => {
  it('catch a misspelled metric, a misspelled label and a histogram suffix on a counter', () => {
    expect(unknownReferences('rate(engine_comands_total[5m])', catalog)).toEqual([
      'unknown metric engine_comands_total',
    ]);
    expect(unknownReferences('engine_rejects_total{reson="INVALID_PRICE"}', catalog)).toEqual([
      'engine_rejects_total has no label reson',
    ]);
    expect(unknownReferences('engine_trades_total_count', catalog)).toEqual([
      'unknown metric engine_trades_total_count',
    ]);
    expect(unknownReferences('graphql_request_duration_seconds_count{le="1"}', catalog)).toEqual([
      'graphql_request_duration_seconds_count has no label le',
    ]);
  });

  it('name only metrics and labels the services export, in every rule', () => {
    const problems = ruleExpressions().flatMap(({ where, expr }) =>
      unknownReferences(expr, catalog).map((problem) => `${where}: ${problem}`),
    );
    expect(problems).toEqual([]);
  });

  it('name only metrics and labels the services export or the rules record, in every dashboard', () => {
    const expressions = dashboardExpressions();
    expect(expressions.length).toBeGreaterThan(0);
    const problems = expressions.flatMap(({ where, expr }) =>
      unknownReferences(expr, catalog).map((problem) => `${where}: ${problem}`),
    );
    expect(problems).toEqual([]);
  });

  it('ask dashboard variables for labels their metric carries', () => {
    const problems = variableQueries().flatMap(({ where, selector, label }) =>
      unknownReferences(selector, catalog, [label]).map((problem) => `${where}: ${problem}`),
    );
    expect(problems).toEqual([]);
  });
});
