import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { GraphQLError, validate, type DocumentNode, type GraphQLSchema, type ValidationRule } from 'graphql';
import { ErrorCode } from '@mib/errors';
import type { OperationCheck } from './operationChecksPlugin.js';

/** Shape limits on an operation, checked before it is planned or sent to any subgraph. */
export interface OperationLimits {
  /** Deepest field nesting (fragment spreads count as a level, introspection is exempt). */
  readonly maxDepth: number;
  readonly maxAliases: number;
  readonly maxDirectives: number;
  /** Lexical tokens of the document; see operationTokens.ts. */
  readonly maxTokens: number;
}

type Limit = 'depth' | 'aliases' | 'directives';

/**
 * Checks depth, aliases and directives with graphql-armor's rules once Apollo has validated the
 * document, and refuses an operation over a limit with 400 OPERATION_LIMIT_EXCEEDED naming the
 * limit. The rules run here rather than as Apollo `validationRules` because Apollo relabels
 * every validation error GRAPHQL_VALIDATION_FAILED, which would hide which limit was hit.
 */
export function operationLimitsCheck(limits: OperationLimits): OperationCheck {
  // Apollo hands every request with the same text the same cached document, and the verdict
  // depends on the document alone: one validation pass per distinct operation, not per request.
  const verdicts = new WeakMap<DocumentNode, GraphQLError | null>();
  return ({ schema, document }) => {
    let verdict = verdicts.get(document);
    if (verdict === undefined) {
      verdict = operationLimitError(schema, document, limits) ?? null;
      verdicts.set(document, verdict);
    }
    return verdict ?? undefined;
  };
}

/** The first shape limit `document` is over, as the error to answer with; undefined within all. */
export function operationLimitError(
  schema: GraphQLSchema,
  document: DocumentNode,
  limits: OperationLimits,
): GraphQLError | undefined {
  const max: Record<Limit, number> = {
    depth: limits.maxDepth,
    aliases: limits.maxAliases,
    directives: limits.maxDirectives,
  };
  const exceeded: { limit: Limit; message: string }[] = [];
  const collect = (limit: Limit) => ({
    propagateOnRejection: false,
    onReject: [(_context: unknown, error: GraphQLError) => exceeded.push({ limit, message: error.message })],
  });
  const rules: ValidationRule[] = [
    maxDepthRule({ n: max.depth, ...collect('depth') }),
    maxAliasesRule({ n: max.aliases, ...collect('aliases') }),
    maxDirectivesRule({ n: max.directives, ...collect('directives') }),
  ];
  validate(schema, document, rules);
  const first = exceeded[0];
  if (!first) return undefined;
  return new GraphQLError(first.message.replace(/^Syntax Error: /, ''), {
    extensions: {
      code: ErrorCode.OPERATION_LIMIT_EXCEEDED,
      limit: first.limit,
      max: max[first.limit],
      http: { status: 400 },
    },
  });
}
