import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { composeServices } from './support/compose.js';
import {
  dashboardExpressions,
  dashboardFiles,
  dashboards,
  panelsOf,
  readMonitoringFile,
  type Panel,
} from './support/monitoring.js';
import { syntaxErrors } from './support/promql.js';

/** Every query names its data source through the dashboard's variable, so it imports anywhere. */
const DATASOURCE = { type: 'prometheus', uid: '${datasource}' };

const queryPanels = (panels: Panel[]): Panel[] => panels.filter((panel) => panel.type !== 'row');

describe('monitoring/grafana/dashboards', () => {
  it('are JSON files', () => {
    const files = dashboardFiles();
    expect(files.map(({ file }) => file)).toEqual([
      'platform-overview.json',
      'read-models.json',
      'trading-engine.json',
    ]);
    for (const { file, text } of files) expect(() => JSON.parse(text) as unknown, file).not.toThrow();
  });

  it('have distinct uids and titles', () => {
    const all = dashboards().map(({ dashboard }) => dashboard);
    expect(new Set(all.map((dashboard) => dashboard.uid)).size).toBe(all.length);
    expect(new Set(all.map((dashboard) => dashboard.title)).size).toBe(all.length);
  });

  describe.each(dashboards())('$file', ({ dashboard }) => {
    const panels = panelsOf(dashboard);

    it('numbers its panels with unique ids', () => {
      const ids = panels.map((panel) => panel.id);
      expect(ids.every((id) => Number.isInteger(id))).toBe(true);
      expect(new Set(ids).size).toBe(ids.length);
    });

    it('declares a Prometheus data-source variable', () => {
      expect(dashboard.templating?.list).toContainEqual(
        expect.objectContaining({ name: 'datasource', type: 'datasource', query: 'prometheus' }),
      );
    });

    it('queries through the variable in every panel, target and query variable', () => {
      for (const panel of queryPanels(panels)) {
        expect(panel.datasource, String(panel.title)).toEqual(DATASOURCE);
        expect(panel.targets?.length, String(panel.title)).toBeGreaterThan(0);
        for (const target of panel.targets ?? [])
          expect(target.datasource, String(panel.title)).toEqual(DATASOURCE);
      }
      for (const variable of dashboard.templating?.list ?? [])
        if (variable.type === 'query') expect(variable.datasource, String(variable.name)).toEqual(DATASOURCE);
    });
  });

  it('hold only PromQL the grammar parses without error', () => {
    const errors = dashboardExpressions().flatMap(({ where, expr }) =>
      syntaxErrors(expr).map((error) => `${where}: ${error}`),
    );
    expect(errors).toEqual([]);
  });
});

describe('Grafana provisioning', () => {
  const grafana = composeServices()['grafana'];

  it('runs a pinned Grafana on :3000 in docker-compose, provisioning mounted read-only', () => {
    expect(grafana?.image).toMatch(/^grafana\/grafana-oss:\d+\.\d+\.\d+$/);
    expect(grafana?.ports).toContain('3000:3000');
    expect(grafana?.volumes).toEqual(
      expect.arrayContaining([
        './monitoring/grafana/provisioning:/etc/grafana/provisioning:ro',
        './monitoring/grafana/dashboards:/var/lib/grafana/dashboards:ro',
      ]),
    );
  });

  it('gives Grafana the compose Prometheus as its data source', () => {
    const file = parse(readMonitoringFile('grafana/provisioning/datasources/prometheus.yml')) as {
      datasources: { type: string; url: string }[];
    };
    expect(file.datasources).toContainEqual(
      expect.objectContaining({ type: 'prometheus', url: 'http://prometheus:9090' }),
    );
    expect(composeServices()['prometheus']?.ports).toContain('9090:9090');
  });

  it('loads the dashboards from where docker-compose mounts them', () => {
    const file = parse(readMonitoringFile('grafana/provisioning/dashboards/dashboards.yml')) as {
      providers: { options: { path: string } }[];
    };
    expect(file.providers.map((provider) => provider.options.path)).toEqual(['/var/lib/grafana/dashboards']);
  });
});
