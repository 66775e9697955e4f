import type { GraphQLFormattedError } from 'graphql';

/**
 * The gateway answered with GraphQL errors. `code` is the first error's `extensions.code`
 * (`UNAUTHENTICATED`, `FORBIDDEN`, `BAD_USER_INPUT`, `NOT_FOUND`, `RATE_LIMITED` …: README,
 * "Error codes"); `data` holds whatever part of the result was resolved.
 */
export class MibApiError extends Error {
  readonly code: string;

  constructor(
    readonly errors: readonly GraphQLFormattedError[],
    /** The HTTP status (200 for errors inside a result; undefined over WebSocket). */
    readonly status?: number,
    readonly data?: unknown,
    /** From `Retry-After`, when the gateway said when to come back (a rate limit). */
    readonly retryAfterSeconds?: number,
  ) {
    const first = errors[0];
    super(first?.message ?? `the gateway answered HTTP ${status ?? '?'} without errors`);
    this.name = 'MibApiError';
    this.code = typeof first?.extensions?.['code'] === 'string' ? first.extensions['code'] : 'UNKNOWN';
  }
}

/**
 * A subscription's WebSocket closed for good: the gateway refused the connection (4403: the
 * credentials no longer hold; 4429: too many connections) or it stayed unreachable after the
 * client's retries.
 */
export class MibConnectionClosedError extends Error {
  constructor(
    readonly closeCode: number,
    readonly reason: string,
  ) {
    super(`the subscription's connection closed: ${closeCode}${reason ? ` ${reason}` : ''}`);
    this.name = 'MibConnectionClosedError';
  }
}

/** Whether graphql-ws handed over a socket's close event (it is not an Error): a numeric `code`. */
export const isCloseEvent = (value: unknown): value is { code: number; reason?: unknown } =>
  typeof value === 'object' && value !== null && 'code' in value && typeof value.code === 'number';

/**
 * What a subscription ends with, from what graphql-ws rejected with: the `error` message's
 * GraphQL errors, or the close event of a connection it gave up on.
 */
export function asSubscriptionError(error: unknown): unknown {
  if (Array.isArray(error)) return new MibApiError(error as GraphQLFormattedError[]);
  if (isCloseEvent(error))
    return new MibConnectionClosedError(error.code, typeof error.reason === 'string' ? error.reason : '');
  return error;
}
