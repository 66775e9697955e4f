import {
  getVariableValues,
  GraphQLError,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { LRUCache } from 'lru-cache';
import { ErrorCode } from '@mib/errors';
import { readCostDirectives, type CostDirectives } from './costDirectives.js';
import type { OperationCheck } from './operationChecksPlugin.js';
import { estimateOperationCost, fragmentsOf, SlicingArgumentError } from './operationCost.js';

export interface CostLimit {
  /** Highest estimated cost an operation may have. */
  readonly maxCost: number;
  /** Items assumed for a list field without `@listSize`. */
  readonly defaultListSize: number;
}

/**
 * Refuses an operation whose static cost (`estimateOperationCost`, from the supergraph's `@cost`
 * and `@listSize`) is over `maxCost`, with 400 COST_LIMIT_EXCEEDED carrying `cost` and
 * `maxCost`, before any subgraph is called. A list sliced by arguments but given none or several
 * of them is refused with BAD_USER_INPUT.
 */
export function costLimitCheck(supergraphSdl: string, limit: CostLimit): OperationCheck {
  const directives = readCostDirectives(supergraphSdl);
  // A cost depends on the text, the operation and the values of the variables it declares
  // alone, so a client repeating an operation is costed once per distinct set of them. Keys are
  // as long as those values (up to a request body each): the memo is bounded by their total
  // length, not by a count, whatever the number of documents.
  const verdicts = new LRUCache<string, { error: GraphQLError | undefined }>({
    maxSize: MAX_VERDICT_KEY_CHARACTERS,
    sizeCalculation: (_verdict, key) => key.length,
  });
  return ({ schema, document, operation, request, queryHash }) => {
    if (!operation) return undefined;
    const variables = request.variables ?? {};
    // An absent variable takes its default and null does not: absent keys stay absent.
    const declared = Object.fromEntries(
      (operation.variableDefinitions ?? [])
        .map(({ variable }) => variable.name.value)
        .filter((name) => Object.hasOwn(variables, name))
        .map((name) => [name, variables[name]]),
    );
    const key = `${queryHash}\u0000${operation.name?.value ?? ''}\u0000${JSON.stringify(declared)}`;
    let verdict = verdicts.get(key);
    if (!verdict) {
      verdict = { error: operationCostError({ schema, document, operation, variables }, directives, limit) };
      verdicts.set(key, verdict);
    }
    const { error } = verdict;
    // A fresh error per request: Apollo may annotate what it is thrown.
    return error && new GraphQLError(error.message, { extensions: error.extensions });
  };
}

/** Total length of the memo's keys: 4 Mi characters, thousands of verdicts of ordinary size. */
const MAX_VERDICT_KEY_CHARACTERS = 4 * 1024 * 1024;

/**
 * Why an operation may not run for its cost (over the limit, or a sliced list without exactly
 * one slicing argument); undefined when it may.
 */
export function operationCostError(
  request: {
    readonly schema: GraphQLSchema;
    readonly document: DocumentNode;
    readonly operation: OperationDefinitionNode;
    readonly variables: Readonly<Record<string, unknown>>;
  },
  directives: CostDirectives,
  limit: CostLimit,
): GraphQLError | undefined {
  const { schema, document, operation } = request;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables);
  // Invalid variables are reported by execution, which stops before calling a subgraph.
  if (coerced.errors) return undefined;
  let cost: number;
  try {
    cost = estimateOperationCost({
      schema,
      operation,
      fragments: fragmentsOf(document),
      variables: coerced.coerced,
      directives,
      defaultListSize: limit.defaultListSize,
    });
  } catch (error) {
    if (error instanceof SlicingArgumentError)
      return new GraphQLError(error.message, {
        extensions: { code: ErrorCode.BAD_USER_INPUT, http: { status: 400 } },
      });
    throw error;
  }
  if (cost <= limit.maxCost) return undefined;
  return new GraphQLError(`Operation cost ${cost} is over the limit of ${limit.maxCost}`, {
    extensions: { code: ErrorCode.COST_LIMIT_EXCEEDED, cost, maxCost: limit.maxCost, http: { status: 400 } },
  });
}
