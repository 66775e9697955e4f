import { requireOwner, type Caller, type Identity } from '@mib/auth';
import type { PrismaClient } from '@mib/db';
import { createUserLoader, type UserLoader } from './data/userLoader.js';
import type { UsersRuntime } from './usersRuntime.js';

export interface UsersContext {
  readonly prisma: PrismaClient;
  /** Who is calling (null: anonymous). */
  readonly identity: Identity | null;
  /** The caller as the gateway saw it, with the client's address for throttling. */
  readonly caller: Caller;
  readonly runtime: UsersRuntime;
  readonly userById: UserLoader;
  /**
   * The user who proved who they are in this very request (signUp, logIn, refresh), so the
   * payload may show them their own private fields although the request came in anonymous.
   */
  readonly signedIn: { userId: string | null };
}

/** A fresh context per request: loaders cache only within one request. */
export const createUsersContext = (
  prisma: PrismaClient,
  caller: Caller,
  runtime: UsersRuntime,
): UsersContext => ({
  prisma,
  identity: caller.identity,
  caller,
  runtime,
  userById: createUserLoader(prisma),
  signedIn: { userId: null },
});

/** The caller may read `userId`'s private fields: they are that user, an admin, or just signed in as them. */
export function requireSelf(context: UsersContext, userId: string): void {
  if (context.signedIn.userId !== userId) requireOwner(context.identity, userId);
}
