import { describe, expect, it } from 'vitest';
import { badUserInput, clientErrorFormatter, ErrorCode, notFound, toClientError } from '../src/index.js';

describe('toClientError', () => {
  it('passes our codes through without stack traces', () => {
    expect(toClientError({ message: 'x', extensions: { code: 'NOT_FOUND', stacktrace: ['at …'] } })).toEqual({
      message: 'x',
      extensions: { code: 'NOT_FOUND' },
    });
  });

  it('folds GraphQL validation failures into BAD_USER_INPUT', () => {
    expect(
      toClientError({ message: 'Cannot query field', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }),
    ).toEqual({
      message: 'Cannot query field',
      extensions: { code: 'BAD_USER_INPUT', reason: 'GRAPHQL_VALIDATION_FAILED' },
    });
  });

  it('hides unexpected errors behind INTERNAL and reports them', () => {
    const reported: unknown[] = [];
    const format = clientErrorFormatter((error) => reported.push(error));
    const cause = new Error('connection refused at 10.0.0.3');
    expect(format({ message: cause.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, cause)).toEqual({
      message: 'Internal server error',
      extensions: { code: ErrorCode.INTERNAL },
    });
    expect(reported).toEqual([cause]);
  });

  it('builds errors that carry their code and details', () => {
    expect(badUserInput('bad', 'first').extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'first' });
    expect(notFound('Order', 'o-1').message).toBe('Order o-1 was not found');
  });
});
