import type { PrismaClient } from '@mib/db';
import { badUserInput, unauthenticated } from '@mib/errors';
import { checkSecondFactor, type SecondFactorFields } from '../mfa/secondFactor.js';
import type { UsersRuntime } from '../usersRuntime.js';
import { MAX_PASSWORD_LENGTH, validateNewPassword } from './accountInput.js';
import { loginBuckets, throttleAttempt } from './loginThrottle.js';
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
  if (input.currentPassword.length > MAX_PASSWORD_LENGTH) throw wrongCurrentPassword();
  const user = await prisma.user.findUnique({ where: { id: userId }, include: { totp: true } });
  if (!user) throw unauthenticated('Your account no longer exists');
  // Guessing the current password with a stolen session costs what guessing it at logIn does.
  await throttleAttempt(runtime, loginBuckets(runtime, user.email, clientIp));
  if (!(await runtime.passwords.verify(input.currentPassword, user.passwordHash)).matches)
    throw wrongCurrentPassword();
  if (newPassword === input.currentPassword)
    throw badUserInput('The new password must differ from the current one', 'newPassword');
  await checkSecondFactor(prisma, runtime, user.id, user.totp, input);

  // Only over the hash just verified: of two concurrent changes, the second finds it gone.
  const { count } = await prisma.user.updateMany({
    where: { id: user.id, passwordHash: user.passwordHash },
    data: { passwordHash: await runtime.passwords.hash(newPassword) },
  });
  if (count === 0) throw wrongCurrentPassword();
  await runtime.sessions.revokeAllOf(user.id, new Date());
  return startSession(runtime, user);
}

const wrongCurrentPassword = () => badUserInput('The current password is wrong', 'currentPassword');
