import { GraphQLError, type ExecutionResult, type GraphQLFormattedError } from 'graphql';
import { clientErrorFormatter } from '@mib/errors';
import type { Logger } from '@mib/telemetry';

/**
 * What Apollo's `formatError` does to an HTTP response's errors, for what reaches a client over
 * graphql-ws (events and subgraph refusals never pass through Apollo Server): known codes pass,
 * anything else (a subgraph's internal failure, an unreachable subgraph) becomes a generic
 * INTERNAL error and is logged, so no internal detail reaches the client.
 */
export function clientErrorsOf(
  errors: readonly (GraphQLError | GraphQLFormattedError)[],
  logger: Logger,
): GraphQLFormattedError[] {
  const format = clientErrorFormatter((error) => logger.error({ err: error }, 'subscription error masked'));
  return errors.map((error) => {
    // Errors of a subgraph's graphql-ws messages arrive as plain JSON, the gateway's own as GraphQLError.
    const formatted = error instanceof GraphQLError ? error.toJSON() : error;
    return format(formatted, error);
  });
}

/** `result` with its errors as a client may see them (see `clientErrorsOf`). */
export function clientResultOf(result: ExecutionResult, logger: Logger): ExecutionResult {
  if (!result.errors || result.errors.length === 0) return result;
  // Serialised as JSON only: formatted errors stand in for GraphQLErrors here.
  return { ...result, errors: clientErrorsOf(result.errors, logger) as unknown as GraphQLError[] };
}
