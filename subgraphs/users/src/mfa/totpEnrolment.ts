import type { PrismaClient } from '@mib/db';
import { badUserInput } from '@mib/errors';
import { verifyCurrentPassword } from '../accounts/currentPassword.js';
import { loginBuckets, throttleAttempt } from '../accounts/loginThrottle.js';
import type { UsersRuntime } from '../usersRuntime.js';
import type { DataSealer } from '../credentials/dataSealing.js';
import { replaceRecoveryCodes } from './recoveryCodes.js';
import { checkSecondFactor } from './secondFactor.js';
import { consumeTotpCode, newTotpSecret, storedTotpSecret, TOTP_CODE_SHAPE, totpUri } from './totp.js';

export interface TotpEnrolment {
  /** Base32 secret, for typing into an app by hand. */
  readonly secret: string;
  /** `otpauth://` URI, for a QR code. */
  readonly uri: string;
}

/**
 * Starts (or restarts) TOTP set-up with a new secret. It stays pending, and login needs no
 * code, until `confirmTotp` proves the user's app produces the same codes.
 */
export async function enrolTotp(
  prisma: PrismaClient,
  sealer: DataSealer,
  user: { id: string; email: string },
): Promise<TotpEnrolment> {
  const existing = await prisma.totpFactor.findUnique({ where: { userId: user.id } });
  if (existing?.confirmedAt) throw badUserInput('TOTP is already enabled; disable it first to enrol again');
  const secret = newTotpSecret();
  const stored = storedTotpSecret(sealer, user.id, secret);
  await prisma.totpFactor.upsert({
    where: { userId: user.id },
    create: { userId: user.id, secret: stored },
    update: { secret: stored, lastUsedStep: null, createdAt: new Date() },
  });
  return { secret, uri: totpUri(secret, user.email) };
}

export interface ConfirmTotpFields {
  readonly code: string;
  readonly currentPassword: string;
}

/**
 * Enables the pending factor with a code from the app and the current password; returns ten
 * single-use recovery codes. The password is what keeps a stolen session from putting a factor
 * of the thief's own on the account, which would lock the owner out of the next login.
 */
export async function confirmTotp(
  prisma: PrismaClient,
  runtime: UsersRuntime,
  user: { id: string; email: string; passwordHash: string | null },
  input: ConfirmTotpFields,
  clientIp: string | null,
): Promise<string[]> {
  const factor = await prisma.totpFactor.findUnique({ where: { userId: user.id } });
  if (!factor) throw badUserInput('Start with enrolTotp');
  if (factor.confirmedAt) throw badUserInput('TOTP is already enabled');
  await verifyCurrentPassword(runtime, user, input.currentPassword, clientIp);
  if (!(await consumeTotpCode(prisma, runtime.sealer, factor, input.code.trim())))
    throw badUserInput('Wrong authentication code', 'code');
  return prisma.$transaction(async (tx) => {
    await tx.totpFactor.update({ where: { userId: user.id }, data: { confirmedAt: new Date() } });
    return replaceRecoveryCodes(tx, user.id);
  });
}

/**
 * Turns TOTP off, given a current code or an unused recovery code (a stolen session alone cannot
 * remove the factor; a lost authenticator's owner can, with the codes kept for that). Each
 * code checked draws on the account's and the address's login buckets, as at logIn: otherwise a
 * stolen session could try the million codes as fast as the gateway lets it.
 */
export async function disableTotp(
  prisma: PrismaClient,
  runtime: UsersRuntime,
  user: { id: string; email: string },
  code: string,
  clientIp: string | null,
): Promise<void> {
  const factor = await prisma.totpFactor.findUnique({ where: { userId: user.id } });
  if (!factor?.confirmedAt) throw badUserInput('TOTP is not enabled');
  await throttleAttempt(runtime, loginBuckets(runtime, user.email, clientIp));
  // A recovery code too: whoever lost the authenticator must be able to turn it off and enrol anew.
  const typed = code.trim();
  await checkSecondFactor(
    prisma,
    runtime,
    user.id,
    factor,
    TOTP_CODE_SHAPE.test(typed) ? { totpCode: typed } : { recoveryCode: typed },
  );
  await prisma.$transaction([
    prisma.recoveryCode.deleteMany({ where: { userId: user.id } }),
    prisma.totpFactor.delete({ where: { userId: user.id } }),
  ]);
}
