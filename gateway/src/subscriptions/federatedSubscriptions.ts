import { createHash } from 'node:crypto';
import { buildOperationContext, type ServiceMap } from '@apollo/gateway';
import type { GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';
import { Repeater } from '@repeaterjs/repeater';
import { print, type DocumentNode, type ExecutionResult } from 'graphql';
import type { Identity } from '@mib/auth';
import type { Logger } from '@mib/telemetry';
import { completeSubscriptionEvent, type SubscriptionExecution } from './completeSubscriptionEvent.js';
import type { SubgraphSockets } from './subgraphSockets.js';
import { SubscriptionHub } from './subscriptionHub.js';
import { SubscriptionPlanner } from './subscriptionPlanner.js';

export interface FederatedSubscribeRequest {
  readonly document: DocumentNode;
  readonly operationName?: string | undefined;
  readonly variables: Readonly<Record<string, unknown>>;
  /**
   * Who is subscribing, as forwarded to subgraphs (in `extensions` of the primary subscription and
   * in the context of entity fetches). Part of the sharing key, so no one shares another's stream.
   */
  readonly identity: Identity | null;
}

/**
 * Federated subscriptions: the owning subgraph pushes the subscription field over graphql-ws,
 * and the gateway completes each event with fields from any other subgraph.
 */
export class FederatedSubscriptions {
  private readonly planner: SubscriptionPlanner;
  private readonly hub = new SubscriptionHub();

  constructor(
    supergraphSdl: string,
    private readonly services: { serviceMap: ServiceMap; sockets: SubgraphSockets; logger: Logger },
  ) {
    this.planner = new SubscriptionPlanner(supergraphSdl);
  }

  /** The API schema clients validate subscriptions against. */
  get schema() {
    return this.planner.apiGraphQLSchema;
  }

  /** Distinct upstream subscriptions open right now. */
  get upstreamCount(): number {
    return this.hub.size;
  }

  subscribe(request: FederatedSubscribeRequest): AsyncIterableIterator<ExecutionResult> {
    const query = print(request.document);
    const node = this.planner.plan(
      request.document,
      request.operationName,
      `${request.operationName ?? ''}\n${query}`,
    );
    const key = createHash('sha256')
      .update(JSON.stringify([query, request.operationName ?? null, request.variables, request.identity]))
      .digest('base64url');
    return this.hub.subscribe(key, () => {
      const execution = this.execution(request, node);
      const primaryVariables = Object.fromEntries(
        (node.primary.variableUsages ?? []).map((name) => [name, request.variables[name]]),
      );
      const events = this.services.sockets.subscribe(node.primary.serviceName, {
        query: node.primary.operation,
        variables: primaryVariables,
        extensions: { identity: request.identity },
      });
      return completeEach(events, (event) => completeSubscriptionEvent(execution, event));
    });
  }

  private execution(
    request: FederatedSubscribeRequest,
    node: SubscriptionExecution['node'],
  ): SubscriptionExecution {
    const operationContext = buildOperationContext({
      schema: this.planner.apiGraphQLSchema,
      operationDocument: request.document,
      ...(request.operationName === undefined ? {} : { operationName: request.operationName }),
    });
    // executeQueryPlan reads only these members of the request context.
    const requestContext = {
      request: { variables: { ...request.variables } },
      context: { identity: request.identity },
      logger: this.services.logger,
      metrics: {},
    } as unknown as GatewayGraphQLRequestContext;
    return {
      node,
      operationContext,
      requestContext,
      serviceMap: this.services.serviceMap,
      supergraphSchema: this.planner.supergraphSchema,
      apiSchema: this.planner.apiSchema,
    };
  }
}

/** Maps each event through `complete`, in order (a later event never overtakes an earlier one). */
function completeEach(
  events: AsyncIterableIterator<ExecutionResult>,
  complete: (event: ExecutionResult) => Promise<ExecutionResult>,
): AsyncIterableIterator<ExecutionResult> {
  return new Repeater<ExecutionResult>(async (push, stop) => {
    void stop.then(() => events.return?.());
    try {
      for await (const event of events) await push(await complete(event));
      stop();
    } catch (error) {
      stop(error);
    }
  });
}
