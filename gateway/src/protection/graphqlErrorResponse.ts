import type { Response } from 'express';
import type { ErrorCode } from '@mib/errors';

/**
 * Answers a request the gateway refuses before GraphQL runs, in the shape GraphQL clients read
 * (`{ errors: [{ message, extensions: { code } }] }`), so every refusal looks alike.
 */
export function sendGraphQLError(
  res: Response,
  status: number,
  code: ErrorCode,
  message: string,
  extensions: Record<string, unknown> = {},
): void {
  res
    .status(status)
    .type('application/json')
    .send(JSON.stringify({ errors: [{ message, extensions: { ...extensions, code } }] }));
}
