import { describe, expect, it } from 'vitest';
import { authenticateBearer, parseIdentity, requireIdentity, serializeIdentity } from '../src/index.js';

const USER = '5b1f3c2a-8d4e-4f6a-9b7c-0123456789ab';

describe('identity', () => {
  it('round-trips through its header form', () => {
    expect(parseIdentity(serializeIdentity({ userId: USER }))).toEqual({ userId: USER });
    expect(parseIdentity({ userId: USER })).toEqual({ userId: USER });
  });

  it('treats anything malformed as no identity', () => {
    for (const value of [undefined, '', 'null', '{', '{"userId":"alice"}', '{"userId":42}', 17]) {
      expect(parseIdentity(value)).toBeNull();
    }
  });

  it('authenticates a bearer token naming a user', () => {
    expect(authenticateBearer(`Bearer ${USER.toUpperCase()}`)).toEqual({ userId: USER });
    expect(authenticateBearer('Bearer not-a-user')).toBeNull();
    expect(authenticateBearer(undefined)).toBeNull();
  });

  it('refuses anonymous callers with UNAUTHENTICATED', () => {
    expect(() => requireIdentity(null)).toThrowError(
      expect.objectContaining({ extensions: { code: 'UNAUTHENTICATED' } }) as Error,
    );
    expect(requireIdentity({ userId: USER })).toEqual({ userId: USER });
  });
});
