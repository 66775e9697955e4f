import type { PrismaClient, TotpFactor } from '@mib/db';
import { unauthenticated } from '@mib/errors';
import type { UsersRuntime } from '../usersRuntime.js';
import { mfaRequired } from './mfaRequired.js';
import { useRecoveryCode } from './recoveryCodes.js';
import { consumeTotpCode } from './totp.js';

/** The second factor a request may carry: a current TOTP code, or else a recovery code. */
export interface SecondFactorFields {
  readonly totpCode?: string | null | undefined;
  readonly recoveryCode?: string | null | undefined;
}

/**
 * Passes when `factor` is not confirmed yet (TOTP off), or when the request carries a valid,
 * unused code for it; a missing code is MFA_REQUIRED, so a client knows to ask for one.
 */
export async function checkSecondFactor(
  prisma: PrismaClient,
  runtime: UsersRuntime,
  userId: string,
  factor: TotpFactor | null,
  { totpCode, recoveryCode }: SecondFactorFields,
): Promise<void> {
  if (!factor?.confirmedAt) return;
  if (totpCode) {
    if (!(await consumeTotpCode(prisma, runtime.sealer, factor, totpCode.trim())))
      throw unauthenticated('Wrong or already used authentication code');
  } else if (recoveryCode) {
    if (!(await useRecoveryCode(prisma, userId, recoveryCode)))
      throw unauthenticated('Wrong or already used recovery code');
  } else {
    throw mfaRequired();
  }
}
