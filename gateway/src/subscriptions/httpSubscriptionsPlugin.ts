import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError, OperationTypeNode } from 'graphql';
import { ErrorCode } from '@mib/errors';

const SUBSCRIPTION_OVER_HTTP_MESSAGE =
  'Subscriptions are not served over HTTP: open a WebSocket to this same /graphql URL with the ' +
  'graphql-ws protocol (graphql-transport-ws) and subscribe there';

/**
 * Refuses a subscription sent in an HTTP POST (Apollo itself refuses a GET of anything but a
 * query, with 405) once Apollo has validated it and picked its operation, before anything is
 * planned or sent to a subgraph: Apollo Gateway cannot execute subscriptions (it would throw, an
 * INTERNAL error), the gateway's graphql-ws server on the same path serves them. BAD_USER_INPUT, our list's code for a request the client must
 * change (Apollo's own BAD_REQUEST is folded into it by `toClientError` anyway), with HTTP 400.
 */
export function httpSubscriptionsPlugin<Context extends BaseContext>(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation }) {
          // No operation picked (a wrong or missing operation name): `operationChoicePlugin`'s.
          if (operation?.operation !== OperationTypeNode.SUBSCRIPTION) return;
          throw new GraphQLError(SUBSCRIPTION_OVER_HTTP_MESSAGE, {
            extensions: { code: ErrorCode.BAD_USER_INPUT, http: { status: 400 } },
          });
        },
      };
    },
  };
}
