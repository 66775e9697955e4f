import {
  executeQueryPlan,
  type buildOperationContext,
  type GraphQLDataSource,
  type GraphQLDataSourceProcessOptions,
  type ServiceMap,
} from '@apollo/gateway';
import type { Schema } from '@apollo/federation-internals';
import type { PlanNode, SubscriptionNode } from '@apollo/query-planner';
import type { GatewayGraphQLRequestContext, GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import type { ExecutionResult, GraphQLSchema } from 'graphql';

/**
 * The name of the stand-in service that "answers" the primary fetch with the event the owning
 * subgraph pushed. Not a valid subgraph name, so it cannot collide with one.
 */
const EVENT_SOURCE = '#subscription-event';

/** Serves one pre-fetched result, for the first node of the plan below. */
class EventDataSource implements GraphQLDataSource {
  constructor(private readonly event: GatewayGraphQLResponse) {}
  process(_options: GraphQLDataSourceProcessOptions): Promise<GatewayGraphQLResponse> {
    return Promise.resolve(this.event);
  }
}

export type OperationContext = ReturnType<typeof buildOperationContext>;

export interface SubscriptionExecution {
  readonly node: SubscriptionNode;
  readonly operationContext: OperationContext;
  readonly requestContext: GatewayGraphQLRequestContext;
  readonly serviceMap: ServiceMap;
  readonly supergraphSchema: GraphQLSchema;
  readonly apiSchema: Schema;
}

/**
 * Turns one event of the primary subscription into the client's full payload: the event stands
 * in for the primary fetch, then the planner's `rest` runs through the gateway's own executor
 * (entity fetches, `@requires`, result shaping and error paths all behave as for a query).
 */
export async function completeSubscriptionEvent(
  execution: SubscriptionExecution,
  event: ExecutionResult,
): Promise<ExecutionResult> {
  const primary = { ...execution.node.primary, serviceName: EVENT_SOURCE };
  const node: PlanNode = execution.node.rest
    ? { kind: 'Sequence', nodes: [primary, execution.node.rest] }
    : primary;
  const serviceMap: ServiceMap = {
    ...execution.serviceMap,
    [EVENT_SOURCE]: new EventDataSource(event as GatewayGraphQLResponse),
  };
  const result = await executeQueryPlan(
    { kind: 'QueryPlan', node },
    serviceMap,
    execution.requestContext,
    execution.operationContext,
    execution.supergraphSchema,
    execution.apiSchema,
  );
  return result as ExecutionResult;
}
