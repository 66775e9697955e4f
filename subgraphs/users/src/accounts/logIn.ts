import type { PrismaClient } from '@mib/db';
import { badUserInput, unauthenticated } from '@mib/errors';
import { checkSecondFactor, type SecondFactorFields } from '../mfa/secondFactor.js';
import type { UsersRuntime } from '../usersRuntime.js';
import { MAX_PASSWORD_LENGTH, validateEmail } from './accountInput.js';
import { loginOutcomeOf } from './loginMetrics.js';
import { loginBuckets, throttleAttempt } from './loginThrottle.js';
import { startSession, type AuthPayload } from './sessions.js';

export interface LogInFields extends SecondFactorFields {
  readonly email: string;
  readonly password: string;
}

/**
 * Signs a user in with email and password, plus a second factor when the account has one.
 * A wrong email and a wrong password fail alike, in about the same time (an unknown email
 * still costs one scrypt hash), so neither message nor timing tells which accounts exist.
 * Every attempt past input validation is counted by its outcome.
 */
export async function logIn(
  prisma: PrismaClient,
  runtime: UsersRuntime,
  input: LogInFields,
  clientIp: string | null,
): Promise<AuthPayload> {
  // No account has an address sign-up would refuse: such input never reaches the database.
  const email = validateEmail(input.email);
  if (input.password.length > MAX_PASSWORD_LENGTH)
    throw badUserInput(`The password may have at most ${MAX_PASSWORD_LENGTH} characters`, 'password');
  try {
    const session = await signIn(prisma, runtime, email, input, clientIp);
    runtime.logins.loginEnded('succeeded');
    return session;
  } catch (error) {
    runtime.logins.loginEnded(loginOutcomeOf(error));
    throw error;
  }
}

async function signIn(
  prisma: PrismaClient,
  runtime: UsersRuntime,
  email: string,
  input: LogInFields,
  clientIp: string | null,
): Promise<AuthPayload> {
  await throttleAttempt(runtime, loginBuckets(runtime, email, clientIp));
  const user = await prisma.user.findUnique({ where: { email }, include: { totp: true } });
  const check = await runtime.passwords.verify(input.password, user?.passwordHash ?? null);
  if (!user || !check.matches) throw unauthenticated('Wrong email or password');
  if (check.needsRehash) {
    const passwordHash = await runtime.passwords.hash(input.password);
    await prisma.user.update({ where: { id: user.id }, data: { passwordHash } });
  }
  await checkSecondFactor(prisma, runtime, user.id, user.totp, input);
  return startSession(runtime, user);
}
