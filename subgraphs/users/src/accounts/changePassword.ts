import type { PrismaClient } from '@mib/db';
import { badUserInput, unauthenticated } from '@mib/errors';
import { checkSecondFactor, type SecondFactorFields } from '../mfa/secondFactor.js';
import type { UsersRuntime } from '../usersRuntime.js';
import { validateNewPassword } from './accountInput.js';
import { verifyCurrentPassword, wrongCurrentPassword } from './currentPassword.js';
import { startSession, type AuthPayload } from './sessions.js';

export interface ChangePasswordFields extends SecondFactorFields {
  readonly currentPassword: string;
  readonly newPassword: string;
}

/**
 * Sets a new password for a signed-in user who proves the current one (and, with TOTP on, a
 * second factor, as at logIn), then ends every session of theirs, so whoever held a stolen
 * session or refresh token is out, and starts a fresh one for the caller. API keys stay: each
 * is a credential of its own, revoked on its own.
 */
export async function changePassword(
  prisma: PrismaClient,
  runtime: UsersRuntime,
  userId: string,
  input: ChangePasswordFields,
  clientIp: string | null,
): Promise<AuthPayload> {
  const newPassword = validateNewPassword(input.newPassword, 'newPassword');
  const user = await prisma.user.findUnique({ where: { id: userId }, include: { totp: true } });
  if (!user) throw unauthenticated('Your account no longer exists');
  await verifyCurrentPassword(runtime, user, input.currentPassword, clientIp);
  if (newPassword === input.currentPassword)
    throw badUserInput('The new password must differ from the current one', 'newPassword');
  await checkSecondFactor(prisma, runtime, user.id, user.totp, input);

  const passwordHash = await runtime.passwords.hash(newPassword);
  const changed = await prisma.$transaction(async (tx) => {
    // Only over the hash just verified: of two concurrent changes, the second finds it gone.
    const { count } = await tx.user.updateMany({
      where: { id: user.id, passwordHash: user.passwordHash },
      data: { passwordHash },
    });
    if (count === 0) return false;
    // A reset the desk issued earlier must not undo the change later.
    await tx.passwordReset.updateMany({
      where: { userId: user.id, usedAt: null },
      data: { usedAt: new Date() },
    });
    return true;
  });
  if (!changed) throw wrongCurrentPassword();
  await runtime.sessions.revokeAllOf(user.id, new Date());
  return startSession(runtime, user);
}
