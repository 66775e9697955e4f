import type { PrismaClient } from '@mib/db';
import { withAdvisoryLock, type Transaction } from '@mib/subgraph-kit';

/**
 * The class of the advisory locks that serialise pushes of one account's limits to the engine (an
 * arbitrary constant, "RLIM" in ASCII). With the account's hash as the second key it lives in the
 * two-integer key space, apart from the other classes and the single-key locks elsewhere.
 */
const RISK_LIMITS_LOCK_CLASS = 0x524c494d;

/**
 * A push to the engine holds the call open for up to the client's deadline (5 s by default) and
 * may wait for another push of the same account first: Prisma's 5 s default would cut it short.
 */
const LOCKED_TRANSACTION_TIMEOUT_MS = 20_000;

/**
 * Runs `work` in a transaction holding `accountId`'s risk-limits lock. The mutation pushes and
 * stores limits under it, and the start-up push reads and pushes a stored profile under it, so a
 * start-up push can never send limits older than what a concurrent mutation sent and stored
 * (the engine would keep the stale ones otherwise), whichever replica runs either.
 */
export function withRiskLimitsLock<Result>(
  prisma: PrismaClient,
  accountId: string,
  work: (tx: Transaction) => Promise<Result>,
): Promise<Result> {
  return withAdvisoryLock(prisma, { lockClass: RISK_LIMITS_LOCK_CLASS, key: accountId }, work, {
    timeout: LOCKED_TRANSACTION_TIMEOUT_MS,
    maxWait: LOCKED_TRANSACTION_TIMEOUT_MS,
  });
}
