import type { RequestHandler } from 'express';
import { Lexer, Source, TokenKind } from 'graphql';
import { ErrorCode } from '@mib/errors';
import { sendGraphQLError } from './graphqlErrorResponse.js';
import { graphqlRequestsOf } from './graphqlRequests.js';

/**
 * Counts the lexical tokens of `source` the way graphql-js's parser does for its `maxTokens`
 * option (comments excluded), stopping at `limit + 1`; null when the text does not lex (the
 * parser will report that).
 */
export function countTokens(source: string, limit: number): number | null {
  const lexer = new Lexer(new Source(source));
  let count = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) if (++count > limit) break;
  } catch {
    return null;
  }
  return count;
}

/** Whether `source` has more than `maxTokens` tokens (a text that does not lex is left to the parser). */
export function exceedsTokenLimit(source: string, maxTokens: number): boolean {
  const tokens = countTokens(source, maxTokens);
  return tokens !== null && tokens > maxTokens;
}

export const tooManyTokensMessage = (maxTokens: number): string =>
  `Operation has more than ${maxTokens} tokens`;

/**
 * Refuses documents of more than `maxTokens` tokens before they are parsed into an AST, with
 * 400 OPERATION_LIMIT_EXCEEDED (`limit: "tokens"`). Apollo's `parseOptions.maxTokens` stays set
 * as well, for operations that do not arrive over HTTP, but its refusal is a generic parse error.
 */
export function limitOperationTokens(
  maxTokens: number,
  onRefusal: () => void = () => undefined,
): RequestHandler {
  return (req, res, next) => {
    for (const { query } of graphqlRequestsOf(req)) {
      if (query !== undefined && exceedsTokenLimit(query, maxTokens)) {
        onRefusal();
        return sendGraphQLError(
          res,
          400,
          ErrorCode.OPERATION_LIMIT_EXCEEDED,
          tooManyTokensMessage(maxTokens),
          { limit: 'tokens', max: maxTokens },
        );
      }
    }
    next();
  };
}
