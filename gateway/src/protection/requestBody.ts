import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import { ErrorCode } from '@mib/errors';
import { sendGraphQLError } from './graphqlErrorResponse.js';

/** body-parser's errors carry a `type`; these are the two a client causes. */
const isBodyError = (error: unknown): error is { type: string } =>
  typeof error === 'object' && error !== null && typeof (error as { type?: unknown }).type === 'string';

/**
 * Parses JSON request bodies of at most `maxBytes` (checked against Content-Length before
 * reading, and while reading for chunked bodies). A larger body is refused with 413
 * PAYLOAD_TOO_LARGE and malformed JSON with 400 BAD_USER_INPUT, both as GraphQL-shaped errors
 * rather than Express's HTML error page.
 */
export function parseRequestBody(maxBytes: number): [RequestHandler, ErrorRequestHandler] {
  const refuseBadBody: ErrorRequestHandler = (error, _req, res, next) => {
    if (!isBodyError(error)) return next(error);
    if (error.type === 'entity.too.large')
      return sendGraphQLError(
        res,
        413,
        ErrorCode.PAYLOAD_TOO_LARGE,
        `Request body is larger than ${maxBytes} bytes`,
        {
          maxBytes,
        },
      );
    if (error.type === 'entity.parse.failed')
      return sendGraphQLError(res, 400, ErrorCode.BAD_USER_INPUT, 'Request body is not valid JSON');
    next(error);
  };
  return [express.json({ limit: maxBytes }), refuseBadBody];
}
