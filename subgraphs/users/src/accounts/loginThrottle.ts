import { rateLimited } from '@mib/errors';
import type { RateLimitPolicy } from '@mib/rate-limit';
import type { UsersRuntime } from '../usersRuntime.js';
import type { ThrottleLimit } from './loginMetrics.js';

/** One budget an attempt draws on: its limiter key, its policy, and which limit it is. */
export interface ThrottleBucket {
  readonly key: string;
  readonly policy: RateLimitPolicy;
  readonly limit: ThrottleLimit;
}

/**
 * Takes one attempt from each bucket that applies, before any password is checked, so
 * guessing costs the attacker time whether the guess is right or wrong. Throws RATE_LIMITED
 * with the longest wait of the buckets that refused, each of which is counted.
 */
export async function throttleAttempt(
  runtime: UsersRuntime,
  buckets: readonly ThrottleBucket[],
): Promise<void> {
  const decisions = await Promise.all(
    buckets.map(({ key, policy }) => runtime.throttle.consume(key, policy)),
  );
  const refusedBy = buckets.filter((_bucket, index) => decisions[index]?.allowed === false);
  if (refusedBy.length === 0) return;
  for (const { limit } of refusedBy) runtime.logins.throttled(limit);
  const waitMs = Math.max(0, ...decisions.filter((d) => !d.allowed).map((d) => d.retryAfterMs));
  throw rateLimited(Math.max(1, Math.ceil(waitMs / 1000)));
}

/** The bucket of one client address: every login, password change and reset from it. */
export const addressBucket = (runtime: UsersRuntime, clientIp: string): ThrottleBucket => ({
  key: `ip:${clientIp}`,
  policy: runtime.options.loginsPerClientIp,
  limit: 'client_ip',
});

/** The buckets of one login: the account's and, when known, the client address's. */
export const loginBuckets = (
  runtime: UsersRuntime,
  email: string,
  clientIp: string | null,
): ThrottleBucket[] => [
  { key: `account:${email}`, policy: runtime.options.loginsPerAccount, limit: 'account' },
  ...(clientIp ? [addressBucket(runtime, clientIp)] : []),
];
