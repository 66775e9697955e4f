import { GraphQLError } from 'graphql';
import { ErrorCode } from '@mib/errors';

/** Why a correct password alone did not sign the user in: a second factor is needed. */
export const MFA_REQUIRED = 'MFA_REQUIRED';

/**
 * The error for a login without the TOTP or recovery code the account requires. Its code is
 * UNAUTHENTICATED (the platform's error list has no MFA code, and unknown codes are masked as
 * INTERNAL on the way out); `extensions.reason` says MFA_REQUIRED so a client can ask for a code.
 */
export const mfaRequired = (): GraphQLError =>
  new GraphQLError('This account needs a TOTP code or a recovery code', {
    extensions: { code: ErrorCode.UNAUTHENTICATED, reason: MFA_REQUIRED },
  });
