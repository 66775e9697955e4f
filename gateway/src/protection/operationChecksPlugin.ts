import type {
  ApolloServerPlugin,
  BaseContext,
  GraphQLRequestContextDidResolveOperation,
} from '@apollo/server';
import type { GraphQLError } from 'graphql';

/** What a check sees of an operation Apollo has parsed, validated and picked from its document. */
export type ResolvedOperation = Pick<
  GraphQLRequestContextDidResolveOperation<BaseContext>,
  'schema' | 'document' | 'operation' | 'request' | 'queryHash'
>;

/** One reason to refuse an operation before it is planned: the error to answer, or undefined. */
export type OperationCheck = (operation: ResolvedOperation) => GraphQLError | undefined;

/**
 * The gateway's checks of a resolved operation as one Apollo plugin, which asks them in order
 * and answers the first refusal (thrown from `didResolveOperation`, so Apollo answers it before
 * planning anything). They are not one plugin each because Apollo calls every plugin's
 * `didResolveOperation` for every request (all at once, then awaits them together): a refusal by
 * one would not spare the others, and the cost estimate would still run for an operation a
 * cheaper check had already refused, the work that check is there to avoid.
 */
export function operationChecksPlugin<Context extends BaseContext>(
  checks: readonly OperationCheck[],
  onRefusal: (refusal: GraphQLError) => void = () => undefined,
): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation(operation) {
          for (const check of checks) {
            const refusal = check(operation);
            if (refusal) {
              onRefusal(refusal);
              throw refusal;
            }
          }
        },
      };
    },
  };
}
