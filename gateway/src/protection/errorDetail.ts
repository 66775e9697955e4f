import type { GraphQLFormattedError } from 'graphql';
import { clientErrorFormatter, ErrorCode } from '@mib/errors';

/**
 * Apollo's `formatError`: `clientErrorFormatter` (known codes pass, the rest become INTERNAL
 * with a generic message), and with `detailed` (DETAILED_ERRORS, default outside production) an
 * INTERNAL error also carries the original message and stack trace as `extensions.detail` and
 * `extensions.stacktrace`, for developers.
 */
export function gatewayErrorFormatter(detailed: boolean, onInternal: (error: unknown) => void) {
  const toClient = clientErrorFormatter(onInternal);
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const shaped = toClient(formatted, error);
    if (!detailed || shaped.extensions?.['code'] !== ErrorCode.INTERNAL) return shaped;
    const stacktrace = formatted.extensions?.['stacktrace'];
    return {
      ...shaped,
      extensions: { ...shaped.extensions, detail: formatted.message, ...(stacktrace ? { stacktrace } : {}) },
    };
  };
}
