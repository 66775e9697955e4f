import type { PrismaClient } from '@mib/db';
import type { Transaction } from './readModel.js';

/**
 * A transaction-scoped PostgreSQL advisory lock of one thing (a user's API keys, one account's
 * limits): `lockClass` names the kind (an arbitrary constant per use, such as "AKEY" in ASCII) and
 * `key` the thing, hashed. Two integers keep each class apart from the others and from the
 * single-key locks of migrations and elsewhere.
 */
export interface AdvisoryLock {
  readonly lockClass: number;
  readonly key: string;
}

/**
 * Runs `work` in a transaction that first takes `lock`, so transactions of the same thing run one
 * after another, whichever replica runs them (a count checked against a cap stays true until the
 * write). `options` are Prisma's interactive-transaction `maxWait` and `timeout`.
 */
export function withAdvisoryLock<Result>(
  prisma: PrismaClient,
  lock: AdvisoryLock,
  work: (tx: Transaction) => Promise<Result>,
  options?: { readonly maxWait: number; readonly timeout: number },
): Promise<Result> {
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${lock.lockClass}::int4, hashtext(${lock.key}))`;
    return work(tx);
  }, options);
}
