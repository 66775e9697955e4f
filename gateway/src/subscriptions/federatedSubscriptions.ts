import { createHash } from 'node:crypto';
import { buildOperationContext, type ServiceMap } from '@apollo/gateway';
import type { GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';
import { Repeater } from '@repeaterjs/repeater';
import {
  getOperationAST,
  Kind,
  print,
  type DocumentNode,
  type ExecutionResult,
  type SelectionSetNode,
} from 'graphql';
import type { Caller } from '@mib/auth';
import type { Logger } from '@mib/telemetry';
import { clientResultOf } from './clientErrors.js';
import { completeSubscriptionEvent, type SubscriptionExecution } from './completeSubscriptionEvent.js';
import type { SubgraphSockets } from './subgraphSockets.js';
import {
  SubscriptionHub,
  type StreamTally,
  type SubscriptionListener,
  type Unsubscribe,
} from './subscriptionHub.js';
import { SubscriptionPlanner } from './subscriptionPlanner.js';

export interface FederatedSubscribeRequest {
  readonly document: DocumentNode;
  readonly operationName?: string | undefined;
  readonly variables: Readonly<Record<string, unknown>>;
  /**
   * Who is subscribing, as forwarded to subgraphs (a signed caller token in `extensions.identity`
   * of the primary subscription, and the context of entity fetches). Its identity is part of the
   * sharing key, so no one shares another's stream; its client address is not (subscribers of one
   * identity from several addresses share the stream opened with the first one's address).
   */
  readonly caller: Caller;
}

export interface FederatedSubscriptionServices {
  readonly serviceMap: ServiceMap;
  readonly sockets: SubgraphSockets;
  readonly logger: Logger;
  /** Signs the caller token the owning subgraph verifies (`extensions.identity`). */
  readonly signCaller: (caller: Caller) => string;
  /** Counts events delivered to clients, by subscription root field. Default: not counted. */
  readonly delivered?: { labels(field: string): { inc(count: number): void } };
}

/**
 * Federated subscriptions: the owning subgraph pushes the subscription field over graphql-ws,
 * and the gateway completes each event with fields from any other subgraph.
 */
export class FederatedSubscriptions {
  private readonly planner: SubscriptionPlanner;
  private readonly hub = new SubscriptionHub();
  /** One tally per root field of the schema, made on first use. */
  private readonly tallies = new Map<string, StreamTally>();

  constructor(
    supergraphSdl: string,
    private readonly services: FederatedSubscriptionServices,
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

  /** Client subscriptions being served right now. */
  get subscriberCount(): number {
    return this.hub.listenerCount;
  }

  /** Client subscriptions being served right now by root field, every field of the schema listed. */
  subscribersByField(): Map<string, number> {
    const fields = Object.keys(this.schema.getSubscriptionType()?.getFields() ?? {});
    return this.hub.countListenersByField(new Map(fields.map((field) => [field, 0])));
  }

  /**
   * Adds `listener` to the stream of `request`, opening the upstream subscription if no identical
   * one is live. Throws (synchronously) if the operation cannot be planned.
   */
  subscribe(request: FederatedSubscribeRequest, listener: SubscriptionListener): Unsubscribe {
    const query = print(request.document);
    const node = this.planner.plan(
      request.document,
      request.operationName,
      `${request.operationName ?? ''}\n${query}`,
    );
    const key = createHash('sha256')
      .update(
        JSON.stringify([query, request.operationName ?? null, request.variables, request.caller.identity]),
      )
      .digest('base64url');
    const open = () => {
      const execution = this.execution(request, node);
      const primaryVariables = Object.fromEntries(
        (node.primary.variableUsages ?? []).map((name) => [name, request.variables[name]]),
      );
      const events = this.services.sockets.subscribe(node.primary.serviceName, {
        query: node.primary.operation,
        variables: primaryVariables,
        extensions: this.callerExtensions(request.caller),
      });
      return completeEach(events, async (event) =>
        clientResultOf(await completeSubscriptionEvent(execution, event), this.services.logger),
      );
    };
    return this.hub.subscribe(key, open, listener, this.tallyOf(request));
  }

  /** The tally of the request's root field (validated against the schema, so a bounded label). */
  private tallyOf(request: FederatedSubscribeRequest): StreamTally {
    const operation = getOperationAST(request.document, request.operationName);
    const field = operation ? rootFieldOf(operation.selectionSet, request.document) : undefined;
    const name = field ?? 'unknown';
    let tally = this.tallies.get(name);
    if (!tally) {
      const counter = this.services.delivered?.labels(name) ?? { inc: () => undefined };
      tally = { field: name, delivered: counter };
      this.tallies.set(name, tally);
    }
    return tally;
  }

  /**
   * `extensions` of the upstream subscribe message. The token is signed when the message is
   * serialised (a getter, which JSON.stringify calls): graphql-ws re-sends the same payload after
   * a reconnect, and a token signed at subscribe time expires within a minute.
   */
  private callerExtensions(caller: Caller): Record<string, unknown> {
    const { signCaller } = this.services;
    return {
      get identity(): string {
        return signCaller(caller);
      },
    };
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
      // What the gateway's data sources read to vouch for the caller on entity fetches.
      context: { caller: request.caller, identity: request.caller.identity },
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

/**
 * The name of the one root field of a subscription (graphql-js validation allows exactly one),
 * looking through fragment spreads and inline fragments at the root.
 */
function rootFieldOf(selectionSet: SelectionSetNode, document: DocumentNode): string | undefined {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) return selection.name.value;
    const inner =
      selection.kind === Kind.INLINE_FRAGMENT
        ? selection.selectionSet
        : document.definitions.find(
            (definition) =>
              definition.kind === Kind.FRAGMENT_DEFINITION && definition.name.value === selection.name.value,
          );
    const field = inner && 'selectionSet' in inner ? rootFieldOf(inner.selectionSet, document) : undefined;
    if (field) return field;
  }
  return undefined;
}
