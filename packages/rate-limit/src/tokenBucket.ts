/**
 * The token-bucket rule both adapters follow: a bucket holds at most `capacity` tokens, gains
 * `refillPerSecond` tokens per second, and a request of `cost` tokens is admitted only when the
 * bucket holds that many. A bucket not yet seen is full. The Redis adapter's Lua script is the
 * same arithmetic; keep the two in step.
 */

export interface RateLimitPolicy {
  /** Most tokens a bucket holds: the largest burst admitted at once. */
  readonly capacity: number;
  /** Tokens added per second: the sustained rate. */
  readonly refillPerSecond: number;
}

export interface RateLimitDecision {
  readonly allowed: boolean;
  /** Whole tokens left after this request. */
  readonly remaining: number;
  /** 0 when allowed; otherwise how long until the bucket holds `cost` tokens. */
  readonly retryAfterMs: number;
}

export interface BucketState {
  readonly tokens: number;
  /** When `tokens` was last brought up to date, in milliseconds. */
  readonly updatedAtMs: number;
}

/** Throws a RangeError for a policy or cost no bucket could ever serve. */
export function checkRequest(policy: RateLimitPolicy, cost: number): void {
  if (!(policy.capacity > 0) || !Number.isFinite(policy.capacity))
    throw new RangeError(`capacity must be a positive number, got ${policy.capacity}`);
  if (!(policy.refillPerSecond > 0) || !Number.isFinite(policy.refillPerSecond))
    throw new RangeError(`refillPerSecond must be a positive number, got ${policy.refillPerSecond}`);
  // A cost above capacity would never be admitted; that is a caller's bug, not a rate limit.
  if (!(cost > 0) || cost > policy.capacity)
    throw new RangeError(`cost must be in (0, capacity=${policy.capacity}], got ${cost}`);
}

/**
 * Tokens a bucket may fall short of a request by and still admit it: refills are summed in binary
 * floating point, and the sum `retryAfterMs` promises can land one ulp below the cost (1.481 +
 * 0.519 < 2). A billionth of a token admits nothing a client could notice.
 */
export const TOKEN_EPSILON = 1e-9;

/** Applies one request to a bucket at `nowMs`; returns the decision and the new state. */
export function takeTokens(
  state: BucketState | undefined,
  policy: RateLimitPolicy,
  cost: number,
  nowMs: number,
): { decision: RateLimitDecision; state: BucketState; fullInMs: number } {
  const elapsedMs = state ? Math.max(0, nowMs - state.updatedAtMs) : 0;
  const available = state
    ? Math.min(policy.capacity, state.tokens + (elapsedMs * policy.refillPerSecond) / 1000)
    : policy.capacity;
  const allowed = available >= cost - TOKEN_EPSILON;
  const tokens = allowed ? Math.max(0, available - cost) : available;
  const retryAfterMs = allowed ? 0 : Math.ceil(((cost - available) * 1000) / policy.refillPerSecond);
  return {
    decision: { allowed, remaining: Math.floor(tokens), retryAfterMs },
    state: { tokens, updatedAtMs: nowMs },
    // After this long the bucket is full again and indistinguishable from one never seen.
    fullInMs: Math.ceil(((policy.capacity - tokens) * 1000) / policy.refillPerSecond),
  };
}
