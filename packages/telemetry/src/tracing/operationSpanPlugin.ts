import type { ApolloServerPlugin } from '@apollo/server';
import { SpanStatusCode } from '@opentelemetry/api';
import { activeRequestSpan } from './httpServerSpans.js';

/** GraphQL semantic-convention attributes (still "development" in the spec, so not exported by semconv's stable entry). */
const ATTR_GRAPHQL_OPERATION_TYPE = 'graphql.operation.type';
const ATTR_GRAPHQL_OPERATION_NAME = 'graphql.operation.name';

/**
 * Names the request's server span after its GraphQL operation (`query Dashboard`, the GraphQL
 * semantic conventions' span name) and marks it failed when the response carries errors. Only
 * installed when tracing is on; a request served outside `serveInServerSpan` is left alone.
 */
export function operationSpanPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      const span = activeRequestSpan();
      if (span === undefined) return;
      return {
        async didResolveOperation({ operation, operationName }) {
          const type = operation?.operation ?? 'query';
          span.updateName(operationName ? `${type} ${operationName}` : type);
          span.setAttribute(ATTR_GRAPHQL_OPERATION_TYPE, type);
          if (operationName) span.setAttribute(ATTR_GRAPHQL_OPERATION_NAME, operationName);
        },
        async willSendResponse({ errors }) {
          if (errors?.length)
            span.setStatus({ code: SpanStatusCode.ERROR, message: errors[0]?.message ?? '' });
        },
      };
    },
  };
}
