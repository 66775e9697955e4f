import type { PlanNode, QueryPlan } from '@apollo/query-planner';

/**
 * Reorders every `Parallel` node of a query plan so that the branch with the longest chain of
 * sequential fetches is sent first. Branches are independent, so the answer is the same; but
 * subgraphs serve requests in arrival order, and the branch with more hops after it (say,
 * portfolio then market-data, beside a lone orders fetch) decides when the response is complete.
 * Plans are cached and reused, so each is reordered once, in place.
 */
export function sendCriticalPathFirst(plan: QueryPlan): void {
  if (reordered.has(plan)) return;
  reordered.add(plan);
  if (plan.node && plan.node.kind !== 'Subscription') reorder(plan.node);
}

const reordered = new WeakSet<QueryPlan>();

function reorder(node: PlanNode): void {
  for (const child of childrenOf(node)) reorder(child);
  if (node.kind === 'Parallel') {
    const chains = new Map(node.nodes.map((child) => [child, chainLength(child)]));
    // Array.prototype.sort is stable: equal chains keep the planner's order.
    node.nodes.sort((a, b) => (chains.get(b) ?? 0) - (chains.get(a) ?? 0));
  }
}

/** The most fetches that must run one after another under `node`. */
function chainLength(node: PlanNode): number {
  switch (node.kind) {
    case 'Fetch':
      return 1;
    case 'Flatten':
      return chainLength(node.node);
    case 'Sequence':
      return node.nodes.reduce((sum, child) => sum + chainLength(child), 0);
    case 'Parallel':
      return Math.max(0, ...node.nodes.map(chainLength));
    case 'Defer':
      return node.primary.node ? chainLength(node.primary.node) : 0;
    case 'Condition':
      return Math.max(
        node.ifClause ? chainLength(node.ifClause) : 0,
        node.elseClause ? chainLength(node.elseClause) : 0,
      );
  }
}

function childrenOf(node: PlanNode): PlanNode[] {
  switch (node.kind) {
    case 'Fetch':
      return [];
    case 'Flatten':
      return [node.node];
    case 'Sequence':
    case 'Parallel':
      return node.nodes;
    case 'Defer':
      return [
        ...(node.primary.node ? [node.primary.node] : []),
        ...node.deferred.flatMap((deferred) => (deferred.node ? [deferred.node] : [])),
      ];
    case 'Condition':
      return [...(node.ifClause ? [node.ifClause] : []), ...(node.elseClause ? [node.elseClause] : [])];
  }
}
