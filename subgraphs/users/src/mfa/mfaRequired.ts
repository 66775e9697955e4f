import { GraphQLError } from 'graphql';
import { ErrorCode } from '@mib/errors';

/**
 * The error for a correct password on an account that also needs its TOTP code (or a recovery
 * code) when none was sent: a code of its own, so a client knows to ask for the second factor.
 */
export const mfaRequired = (): GraphQLError =>
  new GraphQLError('This account needs a TOTP code or a recovery code', {
    extensions: { code: ErrorCode.MFA_REQUIRED },
  });
