import { describe, expect, it } from 'vitest';
import { OperationTypeNode } from 'graphql';
import type { FetchNode, PlanNode, QueryPlan } from '@apollo/query-planner';
import { sendCriticalPathFirst } from '../src/criticalPathFirst.js';

const fetch = (serviceName: string): FetchNode => ({
  kind: 'Fetch',
  serviceName,
  operation: `{ ${serviceName} }`,
  operationName: undefined,
  operationKind: OperationTypeNode.QUERY,
});
const flatten = (node: PlanNode): PlanNode => ({ kind: 'Flatten', path: ['user'], node });

/** The services of a node's fetches, in the order a depth-first walk meets them. */
function services(node: PlanNode): string[] {
  switch (node.kind) {
    case 'Fetch':
      return [node.serviceName];
    case 'Flatten':
      return services(node.node);
    case 'Sequence':
    case 'Parallel':
      return node.nodes.flatMap(services);
    case 'Defer':
    case 'Condition':
      return [];
  }
}

/** The account overview's plan as the planner writes it: the long branch last. */
const accountOverview = (): QueryPlan => ({
  kind: 'QueryPlan',
  node: {
    kind: 'Sequence',
    nodes: [
      fetch('users'),
      {
        kind: 'Parallel',
        nodes: [
          flatten(fetch('orders')),
          flatten(fetch('risk')),
          { kind: 'Sequence', nodes: [flatten(fetch('portfolio')), flatten(fetch('market-data'))] },
        ],
      },
    ],
  },
});

describe('sendCriticalPathFirst', () => {
  it('sends the branch with the longest chain of fetches first, keeping the rest in order', () => {
    const plan = accountOverview();
    sendCriticalPathFirst(plan);
    expect(services(plan.node as PlanNode)).toEqual(['users', 'portfolio', 'market-data', 'orders', 'risk']);
  });

  it('reorders a cached plan once, and leaves a plan without parallel branches alone', () => {
    const plan = accountOverview();
    sendCriticalPathFirst(plan);
    const parallel = (plan.node as { nodes: PlanNode[] }).nodes[1] as { nodes: PlanNode[] };
    parallel.nodes.reverse();
    sendCriticalPathFirst(plan);
    expect(services(parallel as PlanNode)).toEqual(['risk', 'orders', 'portfolio', 'market-data']);

    const single: QueryPlan = { kind: 'QueryPlan', node: fetch('users') };
    sendCriticalPathFirst(single);
    expect(single.node).toEqual(fetch('users'));
  });
});
