/**
 * PromQL read with the Prometheus project's own grammar (@prometheus-io/lezer-promql, the parser
 * behind Prometheus' and Grafana's query editors), so the checks see selectors exactly as
 * Prometheus does: metric names, label matchers, grouping labels.
 */
import { parser } from '@prometheus-io/lezer-promql';

type Tree = ReturnType<typeof parser.parse>;
type SyntaxNode = Tree['topNode'];

/** One vector selector: `name{label="value", …}` (a `{__name__="…"}` matcher names it too). */
export interface Selector {
  readonly metric: string | undefined;
  readonly labels: readonly string[];
}

/**
 * Grafana's interval variables stand where PromQL wants a duration; a dashboard's other variables
 * stand only in label values, which parse as strings whatever they hold.
 */
const GRAFANA_DURATIONS =
  /\$(?:__rate_interval|__interval|__range)\b|\$\{(?:__rate_interval|__interval|__range)\}/g;

function parsePromQL(expr: string): { readonly text: string; readonly tree: Tree } {
  const text = expr.replace(GRAFANA_DURATIONS, '5m');
  return { text, tree: parser.parse(text) };
}

/** Where the parser gave up: each error node's offset and the text around it. Empty when valid. */
export function syntaxErrors(expr: string): string[] {
  const { text, tree } = parsePromQL(expr);
  const errors: string[] = [];
  tree.iterate({
    enter: (node) => {
      if (node.type.isError)
        errors.push(`at ${node.from}: …${text.slice(Math.max(0, node.from - 20), node.to + 20)}…`);
    },
  });
  return errors;
}

const childrenOf = (node: SyntaxNode): SyntaxNode[] => {
  const children: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) children.push(child);
  return children;
};

const descendants = (node: SyntaxNode, name: string): SyntaxNode[] =>
  childrenOf(node).flatMap((child) => (child.name === name ? [child] : descendants(child, name)));

/**
 * A string literal's content. Label and metric names hold no escapes, and only they are read
 * this way, so dropping the quotes (", ' or `) is enough.
 */
const unquoted = (node: SyntaxNode | null | undefined, text: string): string =>
  node ? text.slice(node.from + 1, node.to - 1) : '';

/** A label matcher's label name (`le` or `"le"`), and whether it asks `=` of `value`. */
function matcherOf(matcher: SyntaxNode, text: string): { label: string; value: string; equals: boolean } {
  const [name, op, value] = childrenOf(matcher);
  const label =
    name?.name === 'LabelName' ? text.slice(name.from, name.to) : unquoted(name?.firstChild, text);
  return { label, value: unquoted(value, text), equals: op?.firstChild?.name === 'EqlSingle' };
}

/** Every vector selector of `expr`, inside range selectors, functions and subqueries alike. */
export function selectorsOf(expr: string): Selector[] {
  const { text, tree } = parsePromQL(expr);
  return descendants(tree.topNode, 'VectorSelector').map((selector) => {
    const identifier = selector.getChild('Identifier');
    const matchers = [
      ...descendants(selector, 'UnquotedLabelMatcher'),
      ...descendants(selector, 'QuotedLabelMatcher'),
    ].map((matcher) => matcherOf(matcher, text));
    const byName = matchers.find((matcher) => matcher.label === '__name__' && matcher.equals)?.value;
    return {
      metric: identifier ? text.slice(identifier.from, identifier.to) : byName,
      labels: matchers.map((matcher) => matcher.label).filter((label) => label !== '__name__'),
    };
  });
}

/**
 * The labels the series of `expr` carry, as far as they can be told from its shape: an
 * aggregation's `by` list (none without it), a binary operation's left side (what one-to-one and
 * group_left matching keep), `histogram_quantile`'s argument without `le`, `label_replace`'s
 * argument plus the label it writes, another function's first argument's. `selectorLabels`
 * answers for a plain selector. Undefined when the shape says nothing.
 */
export function outputLabels(
  expr: string,
  selectorLabels: (metric: string) => ReadonlySet<string> | undefined,
): ReadonlySet<string> | undefined {
  const { text, tree } = parsePromQL(expr);
  const source = (node: SyntaxNode): string => text.slice(node.from, node.to);
  const labelsOf = (node: SyntaxNode | null): ReadonlySet<string> | undefined => {
    if (!node) return undefined;
    switch (node.name) {
      case 'PromQL':
      case 'ParenExpr':
      case 'BinaryExpr':
      case 'MatrixSelector':
      case 'SubqueryExpr':
      case 'OffsetExpr':
        return labelsOf(node.firstChild);
      case 'VectorSelector': {
        const identifier = node.getChild('Identifier');
        return identifier ? selectorLabels(source(identifier)) : undefined;
      }
      case 'AggregateExpr': {
        const modifier = node.getChild('AggregateModifier');
        if (!modifier) return new Set();
        return modifier.getChild('By') ? new Set(descendants(modifier, 'LabelName').map(source)) : undefined;
      }
      case 'FunctionCall':
        return functionLabels(node);
      default:
        return undefined;
    }
  };
  const functionLabels = (call: SyntaxNode): ReadonlySet<string> | undefined => {
    const name = source(call.firstChild ?? call);
    const body = call.getChild('FunctionCallBody');
    const args = body ? childrenOf(body) : [];
    if (name === 'histogram_quantile') {
      const labels = labelsOf(args[1] ?? null);
      return labels && new Set([...labels].filter((label) => label !== 'le'));
    }
    if (name === 'label_replace') {
      const labels = labelsOf(args[0] ?? null);
      return labels && args[1] ? new Set([...labels, unquoted(args[1], text)]) : undefined;
    }
    // rate, deriv, abs … keep their argument's labels.
    return labelsOf(args[0] ?? null);
  };
  return labelsOf(tree.topNode);
}
