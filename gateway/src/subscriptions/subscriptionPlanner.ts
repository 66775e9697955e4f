import { operationFromDocument, Supergraph, type Schema } from '@apollo/federation-internals';
import { QueryPlanner, type SubscriptionNode } from '@apollo/query-planner';
import type { DocumentNode, GraphQLSchema } from 'graphql';

/**
 * Plans subscription operations over the supergraph with Apollo's own query planner.
 *
 * The planner splits a subscription into a `primary` fetch — the subscription field, sent to
 * the one subgraph that owns it, selecting its own fields plus the keys of other subgraphs'
 * entities — and a `rest` plan that fetches everything else through `_entities`, exactly as
 * for a query. `@apollo/gateway` can plan this but refuses to execute it; we execute it.
 */
export class SubscriptionPlanner {
  readonly apiSchema: Schema;
  /** The API schema as graphql-js sees it: what clients validate against. */
  readonly apiGraphQLSchema: GraphQLSchema;
  /** The supergraph schema (with join directives) that query-plan execution needs. */
  readonly supergraphSchema: GraphQLSchema;
  private readonly planner: QueryPlanner;
  private readonly plans = new Map<string, SubscriptionNode>();

  constructor(supergraphSdl: string) {
    const supergraph = Supergraph.build(supergraphSdl);
    this.apiSchema = supergraph.apiSchema();
    this.apiGraphQLSchema = this.apiSchema.toGraphQLJSSchema();
    this.supergraphSchema = supergraph.schema.toGraphQLJSSchema();
    this.planner = new QueryPlanner(supergraph);
  }

  /**
   * The plan of one subscription operation, cached by its text: clients subscribe with a few
   * distinct documents many times over.
   */
  plan(document: DocumentNode, operationName: string | undefined, cacheKey: string): SubscriptionNode {
    const cached = this.plans.get(cacheKey);
    if (cached) return cached;
    const operation = operationFromDocument(this.apiSchema, document, operationName ? { operationName } : {});
    const node = this.planner.buildQueryPlan(operation).node;
    if (node?.kind !== 'Subscription') throw new Error('not a subscription operation');
    this.plans.set(cacheKey, node);
    return node;
  }
}
