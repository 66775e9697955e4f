import type { GraphQLError } from 'graphql';
import { ErrorCode } from '@mib/errors';

/** Which protection refused an operation: the label of `gateway_operations_refused_total`. */
export type RefusedCheck =
  | 'trusted_documents'
  | 'tokens'
  | 'depth'
  | 'aliases'
  | 'directives'
  | 'cost'
  | 'slicing_arguments'
  /** A `subscribe` past the connection's `maxSubscriptionsPerConnection`. */
  | 'subscriptions_per_connection'
  | 'other';

const LIMITS = new Set<string>(['tokens', 'depth', 'aliases', 'directives']);

/**
 * The check a refusal came from, read off the error it answers with (its `extensions.code`, and
 * `extensions.limit` for the shape limits): the same for HTTP and WebSocket operations, and a
 * closed set whatever the error says.
 */
export function refusedCheckOf(error: GraphQLError): RefusedCheck {
  const { code, limit } = error.extensions;
  switch (code) {
    case ErrorCode.DOCUMENT_NOT_TRUSTED:
      return 'trusted_documents';
    case ErrorCode.COST_LIMIT_EXCEEDED:
      return 'cost';
    // The cost estimate refuses a sliced list given none or several of its slicing arguments.
    case ErrorCode.BAD_USER_INPUT:
      return 'slicing_arguments';
    case ErrorCode.OPERATION_LIMIT_EXCEEDED:
      return typeof limit === 'string' && LIMITS.has(limit) ? (limit as RefusedCheck) : 'other';
    default:
      return 'other';
  }
}

/** Counts each refusal of `errors` (the first: the checks stop there) by its check; returns them. */
export function countRefusal(
  refused: { inc(labels: { check: RefusedCheck }): void },
  errors: readonly GraphQLError[],
): readonly GraphQLError[] {
  const first = errors[0];
  if (first) refused.inc({ check: refusedCheckOf(first) });
  return errors;
}
