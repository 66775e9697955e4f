/**
 * The one list of `extensions.code` values a client of the supergraph can see, and the
 * constructors for the errors that carry them. Expected domain outcomes (a rejected order)
 * are values in the schema, not errors; these are for wrong use of the API.
 */
import { GraphQLError } from 'graphql';

export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  RATE_LIMITED: 'RATE_LIMITED',
  /** An operation over the gateway's depth, alias, directive or token limit (`extensions.limit`). */
  OPERATION_LIMIT_EXCEEDED: 'OPERATION_LIMIT_EXCEEDED',
  /** An operation whose estimated cost (`@cost`/`@listSize`) is over the gateway's maximum. */
  COST_LIMIT_EXCEEDED: 'COST_LIMIT_EXCEEDED',
  /** A document that is not in the trusted-documents manifest, where only those may run. */
  DOCUMENT_NOT_TRUSTED: 'DOCUMENT_NOT_TRUSTED',
  /** A correct password for an account with TOTP on, sent without its code (ask for one). */
  MFA_REQUIRED: 'MFA_REQUIRED',
  /** A request body over the gateway's size limit (HTTP 413). */
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  INTERNAL: 'INTERNAL',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

const isErrorCode = (value: unknown): value is ErrorCode =>
  typeof value === 'string' && Object.hasOwn(ErrorCode, value);

function errorWithCode(
  code: ErrorCode,
  message: string,
  extensions: Record<string, unknown> = {},
): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

/** Malformed or out-of-range arguments; `argument` names the offending one. */
export const badUserInput = (message: string, argument?: string): GraphQLError =>
  errorWithCode(ErrorCode.BAD_USER_INPUT, message, argument === undefined ? {} : { argument });

export const notFound = (what: string, id: string): GraphQLError =>
  errorWithCode(ErrorCode.NOT_FOUND, `${what} ${id} was not found`, { id });

export const unauthenticated = (message = 'Authentication required'): GraphQLError =>
  errorWithCode(ErrorCode.UNAUTHENTICATED, message);

export const forbidden = (message = 'Not allowed'): GraphQLError =>
  errorWithCode(ErrorCode.FORBIDDEN, message);

export const rateLimited = (retryAfterSeconds: number): GraphQLError =>
  errorWithCode(ErrorCode.RATE_LIMITED, `Too many requests; retry after ${retryAfterSeconds}s`, {
    retryAfterSeconds,
  });

/**
 * Maps any error leaving a server to one a client may see: known codes pass through,
 * GraphQL validation codes from Apollo are folded into ours, and everything else becomes
 * `INTERNAL` with a generic message (no stack traces or internals reach clients).
 */
export function toClientError(formatted: {
  message: string;
  extensions?: Readonly<Record<string, unknown>> | undefined;
}): { message: string; extensions: Record<string, unknown> } {
  const { stacktrace: _stacktrace, exception: _exception, ...extensions } = formatted.extensions ?? {};
  const code = extensions['code'];
  if (isErrorCode(code) && code !== ErrorCode.INTERNAL) return { message: formatted.message, extensions };
  if (code === 'GRAPHQL_PARSE_FAILED' || code === 'GRAPHQL_VALIDATION_FAILED' || code === 'BAD_REQUEST')
    return {
      message: formatted.message,
      extensions: { ...extensions, code: ErrorCode.BAD_USER_INPUT, reason: code },
    };
  if (code === 'PERSISTED_QUERY_NOT_FOUND' || code === 'PERSISTED_QUERY_NOT_SUPPORTED')
    return { message: formatted.message, extensions };
  return { message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL } };
}

/**
 * An Apollo Server `formatError`: shapes every error with `toClientError` and reports the
 * unexpected ones (those that became `INTERNAL`) to `onInternal` for logging.
 */
export const clientErrorFormatter =
  (onInternal: (error: unknown) => void) =>
  <Formatted extends { message: string; extensions?: Readonly<Record<string, unknown>> | undefined }>(
    formatted: Formatted,
    error: unknown,
  ): Formatted => {
    const clientError = toClientError(formatted);
    if (clientError.extensions['code'] === ErrorCode.INTERNAL) onInternal(error);
    return { ...formatted, ...clientError };
  };
