import { rateLimited } from '@mib/errors';
import type { RateLimitPolicy } from '@mib/rate-limit';
import type { UsersRuntime } from '../usersRuntime.js';

/**
 * Takes one attempt from each bucket that applies, before any password is checked, so
 * guessing costs the attacker time whether the guess is right or wrong. Throws RATE_LIMITED
 * with the longest wait of the buckets that refused.
 */
export async function throttleAttempt(
  runtime: UsersRuntime,
  buckets: readonly { key: string; policy: RateLimitPolicy }[],
): Promise<void> {
  const decisions = await Promise.all(
    buckets.map(({ key, policy }) => runtime.throttle.consume(key, policy)),
  );
  const waitMs = Math.max(0, ...decisions.filter((d) => !d.allowed).map((d) => d.retryAfterMs));
  if (decisions.some((d) => !d.allowed)) throw rateLimited(Math.max(1, Math.ceil(waitMs / 1000)));
}

/** The bucket of one client address: every login, password change and reset from it. */
export const addressBucket = (runtime: UsersRuntime, clientIp: string) => ({
  key: `ip:${clientIp}`,
  policy: runtime.options.loginsPerClientIp,
});

/** The buckets of one login: the account's and, when known, the client address's. */
export const loginBuckets = (runtime: UsersRuntime, email: string, clientIp: string | null) => [
  { key: `account:${email}`, policy: runtime.options.loginsPerAccount },
  ...(clientIp ? [addressBucket(runtime, clientIp)] : []),
];
