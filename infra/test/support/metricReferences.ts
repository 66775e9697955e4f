/** What a PromQL expression refers to that the services do not export. */
import { outputLabels, selectorsOf } from './promql.js';
import type { SeriesCatalog } from './registeredMetrics.js';

/**
 * The catalog plus the series recording rules write, each with the labels its expression keeps
 * (read from the expression's shape; a rule's own `labels` aside, which ours do not set).
 */
export function withRecordedSeries(
  catalog: SeriesCatalog,
  recorded: ReadonlyMap<string, string>,
): SeriesCatalog {
  const all = new Map(catalog);
  // A recording rule may read another's output, so resolve until nothing changes.
  for (let pass = 0; pass <= recorded.size; pass++)
    for (const [name, expr] of recorded) {
      const labels = outputLabels(expr, (metric) => all.get(metric));
      if (labels) all.set(name, new Set(labels));
    }
  return all;
}

/**
 * Problems with `expr` against `catalog`: metrics nobody registers, and matchers on labels the
 * metric does not carry (a typo there silently matches nothing, like a misspelled metric).
 * `alsoLabels`: labels asked of every selector besides its matchers (`label_values(x, label)`).
 */
export function unknownReferences(
  expr: string,
  catalog: SeriesCatalog,
  alsoLabels: readonly string[] = [],
): string[] {
  return selectorsOf(expr).flatMap(({ metric, labels: matched }) => {
    const labels = [...matched, ...alsoLabels];
    if (metric === undefined) return [`a selector without a metric name: ${expr}`];
    const known = catalog.get(metric);
    if (!known) return [`unknown metric ${metric}`];
    return labels.filter((label) => !known.has(label)).map((label) => `${metric} has no label ${label}`);
  });
}
