import type { PrismaClient } from '@mib/db';
import { notFound, unauthenticated } from '@mib/errors';
import { randomToken, sha256 } from '../credentials/opaqueTokens.js';
import type { UsersRuntime } from '../usersRuntime.js';
import { validateNewPassword } from './accountInput.js';
import { addressBucket, throttleAttempt } from './loginThrottle.js';

/** How long an issued reset works: time enough to hand it over by phone or in person. */
export const PASSWORD_RESET_LIFETIME_MS = 60 * 60_000;

export interface IssuedPasswordReset {
  /** 256 random bits, base64url; stored only as its SHA-256. */
  readonly token: string;
  readonly expiresAt: Date;
}

/**
 * A one-time reset for a user who lost the password, issued by an admin (the support desk's
 * recovery path: there is no mail service to send a link). Any earlier unused reset of the user
 * stops working, so only the newest token in circulation counts.
 */
export async function issuePasswordReset(
  prisma: PrismaClient,
  userId: string,
  now = new Date(),
): Promise<IssuedPasswordReset> {
  const token = randomToken();
  const expiresAt = new Date(now.getTime() + PASSWORD_RESET_LIFETIME_MS);
  const issued = await prisma.$transaction(async (tx) => {
    // The user's row lock orders concurrent issues: each retires what the one before created,
    // so two desks clicking at once still leave one token in circulation.
    const locked = await tx.$queryRaw<
      unknown[]
    >`SELECT 1 FROM users.users WHERE id = ${userId}::uuid FOR UPDATE`;
    if (locked.length === 0) return false;
    await tx.passwordReset.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } });
    await tx.passwordReset.create({ data: { tokenHash: sha256(token), userId, expiresAt } });
    return true;
  });
  if (!issued) throw notFound('User', userId);
  return { token, expiresAt };
}

export interface ResetPasswordFields {
  readonly token: string;
  readonly newPassword: string;
}

/**
 * Sets a new password with a reset token, once and before it expires, and ends every session of
 * the user. It signs nobody in: the user logs in next with the new password and, when TOTP is on,
 * a code, so a reset replaces a lost password and never a second factor.
 */
export async function resetPassword(
  prisma: PrismaClient,
  runtime: UsersRuntime,
  input: ResetPasswordFields,
  clientIp: string | null,
): Promise<void> {
  const newPassword = validateNewPassword(input.newPassword, 'newPassword');
  if (clientIp) await throttleAttempt(runtime, [addressBucket(runtime, clientIp)]);
  // Hashed before the transaction, which then holds its row locks for two statements only.
  const passwordHash = await runtime.passwords.hash(newPassword);
  const tokenHash = sha256(input.token);
  const now = new Date();
  const userId = await prisma.$transaction(async (tx) => {
    // The conditional update is the single use: of two concurrent resets, one finds it unused.
    const spent = await tx.passwordReset.updateMany({
      where: { tokenHash, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (spent.count === 0) return null;
    const { userId } = await tx.passwordReset.findUniqueOrThrow({ where: { tokenHash } });
    await tx.user.update({ where: { id: userId }, data: { passwordHash } });
    return userId;
  });
  if (!userId) throw unauthenticated('That password reset is not valid: unknown, used or expired');
  await runtime.sessions.revokeAllOf(userId, now);
}
