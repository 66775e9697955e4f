import { badUserInput } from '@mib/errors';
import type { UsersRuntime } from '../usersRuntime.js';
import { MAX_PASSWORD_LENGTH } from './accountInput.js';
import { loginBuckets, throttleAttempt } from './loginThrottle.js';

/**
 * Makes a signed-in user prove the current password before a change a stolen session must not
 * make alone (a new password, a second factor of the thief's own). Each attempt draws on the
 * account's and the address's login buckets, so a stolen access token is no faster way to
 * guess the password than logIn. A wrong one is BAD_USER_INPUT on `currentPassword`.
 */
export async function verifyCurrentPassword(
  runtime: UsersRuntime,
  user: { readonly email: string; readonly passwordHash: string | null },
  currentPassword: string,
  clientIp: string | null,
): Promise<void> {
  if (currentPassword.length > MAX_PASSWORD_LENGTH) throw wrongCurrentPassword();
  await throttleAttempt(runtime, loginBuckets(runtime, user.email, clientIp));
  if (!(await runtime.passwords.verify(currentPassword, user.passwordHash)).matches)
    throw wrongCurrentPassword();
}

export const wrongCurrentPassword = () => badUserInput('The current password is wrong', 'currentPassword');
