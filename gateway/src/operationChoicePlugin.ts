import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '@mib/errors';

/**
 * Refuses a request whose document names no operation to run (an `operationName` the document
 * does not define, or several operations and no name) with BAD_USER_INPUT and HTTP 400, in
 * graphql-js's words. Apollo Server passes such a request on, and Apollo Gateway then fails on it
 * as an internal error.
 */
export function operationChoicePlugin<Context extends BaseContext>(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request }) {
          if (operation) return;
          const message = request.operationName
            ? `Unknown operation named "${request.operationName}".`
            : 'Must provide operation name if query contains multiple operations.';
          throw new GraphQLError(message, {
            extensions: { code: ErrorCode.BAD_USER_INPUT, http: { status: 400 } },
          });
        },
      };
    },
  };
}
