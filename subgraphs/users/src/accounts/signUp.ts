import { Prisma, type PrismaClient } from '@mib/db';
import { badUserInput } from '@mib/errors';
import type { UsersRuntime } from '../usersRuntime.js';
import { validateSignUp, type SignUpFields } from './accountInput.js';
import { addressBucket, throttleAttempt } from './loginThrottle.js';
import { startSession, type AuthPayload } from './sessions.js';

/** Creates a trader account and signs it in. Nothing is written when any field is bad. */
export async function signUp(
  prisma: PrismaClient,
  runtime: UsersRuntime,
  input: SignUpFields,
  clientIp: string | null,
): Promise<AuthPayload> {
  const fields = validateSignUp(input);
  if (clientIp) await throttleAttempt(runtime, [addressBucket(runtime, clientIp)]);
  const passwordHash = await runtime.passwords.hash(fields.password);
  let user;
  try {
    user = await prisma.user.create({
      data: { email: fields.email, displayName: fields.displayName, role: 'TRADER', passwordHash },
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')
      throw badUserInput('An account with this email already exists; log in instead', 'email');
    throw error;
  }
  return startSession(runtime, user);
}
