import {
  GraphQLError,
  OperationTypeNode,
  getOperationAST,
  getVariableValues,
  parse,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import type { SubscribePayload } from './protocol.js';

/** A `subscribe` payload checked against the API schema: what to run, or why not. */
export type PreparedOperation =
  | { readonly kind: 'invalid'; readonly errors: readonly GraphQLError[] }
  | {
      readonly kind: 'subscription' | 'single';
      readonly document: DocumentNode;
      readonly operationName: string | undefined;
      /**
       * As the client sent them, once checked against the operation's variable types: the
       * subgraphs coerce them again, and coerced custom-scalar values need not survive JSON.
       */
      readonly variables: Readonly<Record<string, unknown>>;
    };

type CheckedDocument =
  { readonly document: DocumentNode; readonly errors?: never } | { readonly errors: readonly GraphQLError[] };

/**
 * Parses and validates operations, remembering the outcome by query text: 10,000 clients that
 * subscribe one document cost one parse and one validation, not 10,000.
 */
export class OperationPreparer {
  private readonly checked = new Map<string, CheckedDocument>();

  constructor(
    private readonly schema: GraphQLSchema,
    /**
     * Further reasons to refuse a subscription (the gateway's operation limits and trusted
     * documents), asked after validation; queries and mutations get them from Apollo instead.
     */
    private readonly checkSubscription: (subscription: {
      readonly schema: GraphQLSchema;
      readonly query: string;
      readonly document: DocumentNode;
      readonly operation: OperationDefinitionNode;
      readonly variables: Readonly<Record<string, unknown>>;
    }) => readonly GraphQLError[] = () => [],
    /**
     * Reasons to refuse any operation by its text alone (the gateway's token limit), asked before
     * it is parsed: a frame may be far larger than what the limits let through.
     */
    private readonly checkText: (query: string) => readonly GraphQLError[] = () => [],
    /** Distinct query texts remembered; when full, the memory starts over (cheap, and bounded). */
    private readonly maxRemembered = 1_000,
  ) {}

  prepare(payload: SubscribePayload): PreparedOperation {
    const refusals = this.checkText(payload.query);
    if (refusals.length > 0) return { kind: 'invalid', errors: refusals };
    const checked = this.check(payload.query);
    if (checked.errors) return { kind: 'invalid', errors: checked.errors };
    const operationName = payload.operationName ?? undefined;
    const operation = getOperationAST(checked.document, operationName);
    if (!operation)
      return {
        kind: 'invalid',
        errors: [
          new GraphQLError('Unable to identify operation', {
            extensions: { code: ApolloServerErrorCode.BAD_REQUEST },
          }),
        ],
      };
    const variables = payload.variables ?? {};
    const coercion = getVariableValues(this.schema, operation.variableDefinitions ?? [], variables);
    if (coercion.errors)
      return {
        kind: 'invalid',
        // As Apollo's UserInputError: a scalar's own code (the subgraph kit's BAD_USER_INPUT) stays.
        errors: coercion.errors.map((error) =>
          error.extensions['code'] === undefined
            ? withCode(error, ApolloServerErrorCode.BAD_USER_INPUT)
            : error,
        ),
      };
    const isSubscription = operation.operation === OperationTypeNode.SUBSCRIPTION;
    if (isSubscription) {
      const refusals = this.checkSubscription({
        schema: this.schema,
        query: payload.query,
        document: checked.document,
        operation,
        variables,
      });
      if (refusals.length > 0) return { kind: 'invalid', errors: refusals };
    }
    return {
      kind: isSubscription ? 'subscription' : 'single',
      document: checked.document,
      operationName,
      variables,
    };
  }

  private check(query: string): CheckedDocument {
    const known = this.checked.get(query);
    if (known) return known;
    let checked: CheckedDocument;
    try {
      const document = parse(query);
      const errors = validate(this.schema, document);
      checked =
        errors.length > 0
          ? {
              errors: errors.map((error) => withCode(error, ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED)),
            }
          : { document };
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      checked = { errors: [withCode(error, ApolloServerErrorCode.GRAPHQL_PARSE_FAILED)] };
    }
    if (this.checked.size >= this.maxRemembered) this.checked.clear();
    this.checked.set(query, checked);
    return checked;
  }
}

/**
 * `error` with the `extensions.code` Apollo Server gives the same failure over HTTP (its
 * `SyntaxError`, `ValidationError`, `UserInputError`), so that `clientErrorsOf` shapes it as
 * `formatError` does there (`BAD_USER_INPUT` with the Apollo code as `reason`), not as an
 * unexpected error.
 */
function withCode(error: GraphQLError, code: ApolloServerErrorCode): GraphQLError {
  return new GraphQLError(error.message, {
    ...(error.nodes ? { nodes: error.nodes } : {}),
    ...(error.source ? { source: error.source } : {}),
    ...(error.positions ? { positions: error.positions } : {}),
    originalError: error.originalError ?? error,
    extensions: { ...error.extensions, code },
  });
}
