/** monitoring/: Prometheus' scrape config and rules, and the Grafana dashboards it feeds. */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const MONITORING = fileURLToPath(new URL('../../../monitoring/', import.meta.url));
export const DASHBOARDS_DIR = `${MONITORING}grafana/dashboards/`;

export const readMonitoringFile = (path: string): string => readFileSync(`${MONITORING}${path}`, 'utf8');

/** A rule as written; the tests check the fields' types rather than trust them. */
export interface Rule {
  readonly alert?: unknown;
  readonly record?: unknown;
  readonly expr?: unknown;
  readonly for?: unknown;
  readonly labels?: Readonly<Record<string, unknown>>;
  readonly annotations?: Readonly<Record<string, unknown>>;
}

export interface RuleGroup {
  readonly name: string;
  readonly rules: readonly Rule[];
}

export function ruleGroups(): RuleGroup[] {
  return (parse(readMonitoringFile('rules.yml')) as { groups: RuleGroup[] }).groups;
}

export const allRules = (): Rule[] => ruleGroups().flatMap((group) => group.rules);

/** The series recording rules write, by name, with the expressions that write them. */
export const recordedSeries = (): Map<string, string> =>
  new Map(
    allRules()
      .filter((rule) => typeof rule.record === 'string')
      .map((rule) => [String(rule.record), String(rule.expr)]),
  );

export interface PrometheusConfig {
  readonly rule_files: readonly string[];
  readonly scrape_configs: readonly {
    readonly job_name: string;
    readonly static_configs: readonly { readonly targets: readonly string[] }[];
  }[];
}

export const prometheusConfig = (): PrometheusConfig =>
  parse(readMonitoringFile('prometheus.yml')) as PrometheusConfig;

/** A Grafana panel as far as the checks read it; rows nest their panels. */
export interface Panel {
  readonly id?: unknown;
  readonly title?: unknown;
  readonly type?: unknown;
  readonly datasource?: unknown;
  readonly targets?: readonly { readonly expr?: unknown; readonly datasource?: unknown }[];
  readonly panels?: readonly Panel[];
}

export interface Dashboard {
  readonly uid?: unknown;
  readonly title?: unknown;
  readonly panels?: readonly Panel[];
  readonly templating?: {
    readonly list?: readonly {
      readonly name?: unknown;
      readonly type?: unknown;
      readonly query?: unknown;
      readonly datasource?: unknown;
    }[];
  };
}

/** The dashboard files, raw: the test that parses them is the one that says they are JSON. */
export const dashboardFiles = (): { file: string; text: string }[] =>
  readdirSync(DASHBOARDS_DIR)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({ file, text: readFileSync(`${DASHBOARDS_DIR}${file}`, 'utf8') }));

export const dashboards = (): { file: string; dashboard: Dashboard }[] =>
  dashboardFiles().map(({ file, text }) => ({ file, dashboard: JSON.parse(text) as Dashboard }));

/** Every panel of a dashboard, those inside collapsed rows included. */
export const panelsOf = (dashboard: Dashboard): Panel[] =>
  (dashboard.panels ?? []).flatMap((panel) => [panel, ...panelsOf(panel)]);

/** One PromQL expression of monitoring/ and where it is, for messages. */
export interface Expression {
  readonly where: string;
  readonly expr: string;
}

export function ruleExpressions(): Expression[] {
  return ruleGroups().flatMap((group) =>
    group.rules.map((rule) => ({
      where: `rules.yml ${group.name}/${String(rule.alert ?? rule.record)}`,
      expr: String(rule.expr),
    })),
  );
}

export function dashboardExpressions(): Expression[] {
  return dashboards().flatMap(({ file, dashboard }) =>
    panelsOf(dashboard).flatMap((panel) =>
      (panel.targets ?? []).map((target) => ({
        where: `${file} "${String(panel.title)}"`,
        expr: String(target.expr),
      })),
    ),
  );
}

/** Grafana stores a query variable's query as a string, or (newer editors) as `{ query }`. */
function queryText(query: unknown): string {
  if (typeof query === 'string') return query;
  const nested = (query as { query?: unknown } | null | undefined)?.query;
  return typeof nested === 'string' ? nested : '';
}

/**
 * A query variable's `label_values(selector, label)`: the selector is PromQL and the label must
 * exist on it.
 */
export function variableQueries(): { where: string; selector: string; label: string }[] {
  return dashboards().flatMap(({ file, dashboard }) =>
    (dashboard.templating?.list ?? []).flatMap((variable) => {
      const match = /^label_values\((.+),\s*(\w+)\)$/.exec(queryText(variable.query).trim());
      return variable.type === 'query' && match
        ? [{ where: `${file} $${String(variable.name)}`, selector: match[1]!, label: match[2]! }]
        : [];
    }),
  );
}
