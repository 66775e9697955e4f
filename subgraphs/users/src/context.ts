import type { PrismaClient } from '@mib/db';
import { createUserLoader, type UserLoader } from './data/userLoader.js';

export interface UsersContext {
  readonly prisma: PrismaClient;
  readonly userById: UserLoader;
}

/** A fresh context per request: loaders cache only within one request. */
export const createUsersContext = (prisma: PrismaClient): UsersContext => ({
  prisma,
  userById: createUserLoader(prisma),
});
