import type { RateLimitPolicy } from '@mib/rate-limit';
import { OWASP_SCRYPT_COST, type ScryptCost } from './credentials/passwordHasher.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** How the users subgraph issues and guards credentials. Every option has a production default. */
export interface UsersOptions {
  /** scrypt cost of new password hashes. Default: OWASP's N=2^17, r=8, p=1. Tests may go lower. */
  readonly passwordCost: ScryptCost;
  /** Access-token lifetime. Default 15 minutes: short, since a JWT cannot be recalled. */
  readonly accessTokenLifetimeMs: number;
  /** Each refresh token's lifetime (a refresh issues a new one). Default 30 days. */
  readonly refreshTokenLifetimeMs: number;
  /** Age at which the signing key is replaced. Default 7 days. */
  readonly signingKeyRotationMs: number;
  /** Login attempts per email. Default: a burst of 5, then one per 2 minutes (30 an hour). */
  readonly loginsPerAccount: RateLimitPolicy;
  /** Login and sign-up attempts per client IP. Default: a burst of 50, then one per 2 s. */
  readonly loginsPerClientIp: RateLimitPolicy;
  /** Key prefix of sessions and throttles in Redis. Default `mib:users:`. */
  readonly redisPrefix: string;
  /**
   * Keys (≥ 32 characters each, newest first) that seal signing keys and TOTP secrets at rest:
   * the first seals, all open (`USERS_DATA_KEYS`). Default none: values are stored in plaintext,
   * with a warning at start, and the subgraph refuses to start in production.
   */
  readonly dataKeys: readonly string[];
}

export const DEFAULT_USERS_OPTIONS: UsersOptions = {
  passwordCost: OWASP_SCRYPT_COST,
  accessTokenLifetimeMs: 15 * MINUTE,
  refreshTokenLifetimeMs: 30 * DAY,
  signingKeyRotationMs: 7 * DAY,
  loginsPerAccount: { capacity: 5, refillPerSecond: 1 / 120 },
  loginsPerClientIp: { capacity: 50, refillPerSecond: 0.5 },
  redisPrefix: 'mib:users:',
  dataKeys: [],
};
