import type { Redis } from 'ioredis';
import {
  oldestFirst,
  type LiveSession,
  type NewFamily,
  type NewToken,
  type RotationOutcome,
  type SessionStore,
} from './sessionStore.js';

/**
 * Keys (under `prefix`): `rt:<tokenHash>` a hash {family, used}, expiring with the token;
 * `fam:<familyId>` a hash {user, revoked, started}, expiring with the family's newest token;
 * `user:<userId>` the set of the user's family ids, expiring with the newest of them; so nothing
 * outlives its use. A spent token stays until its own expiry, which is what reuse detection needs.
 */
const ROTATE = `
local token = redis.call('HMGET', KEYS[1], 'family', 'used')
local family = token[1]
if not family then return {'invalid'} end
local famKey = ARGV[1] .. 'fam:' .. family
local fam = redis.call('HMGET', famKey, 'user', 'revoked')
if not fam[1] or fam[2] == '1' then return {'invalid'} end
if token[2] == '1' then
  redis.call('HSET', famKey, 'revoked', '1')
  return {'reused', family}
end
redis.call('HSET', KEYS[1], 'used', '1')
redis.call('HSET', KEYS[2], 'family', family, 'used', '0')
redis.call('PEXPIRE', KEYS[2], ARGV[2])
if redis.call('PTTL', famKey) < tonumber(ARGV[2]) then redis.call('PEXPIRE', famKey, ARGV[2]) end
redis.call('PEXPIRE', ARGV[1] .. 'user:' .. fam[1], ARGV[2], 'GT')
return {'rotated', family, fam[1]}
`;

const REVOKE_FAMILY_OF = `
local family = redis.call('HGET', KEYS[1], 'family')
if not family then return 0 end
local famKey = ARGV[1] .. 'fam:' .. family
if redis.call('HGET', famKey, 'revoked') ~= '0' then return 0 end
redis.call('HSET', famKey, 'revoked', '1')
return 1
`;

const REVOKE_ALL_OF = `
local revoked = 0
for _, family in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  local famKey = ARGV[1] .. 'fam:' .. family
  if redis.call('HGET', famKey, 'revoked') == '0' then
    redis.call('HSET', famKey, 'revoked', '1')
    revoked = revoked + 1
  end
end
redis.call('DEL', KEYS[1])
return revoked
`;

const REVOKE_FAMILY_OF_USER = `
local family = redis.call('HMGET', KEYS[1], 'user', 'revoked')
if family[1] ~= ARGV[1] or family[2] ~= '0' then return 0 end
redis.call('HSET', KEYS[1], 'revoked', '1')
return 1
`;

/** Pairs of (family id, start in ms) of the user's live families; forgets the expired ones. */
const LIST_LIVE = `
local live = {}
for _, family in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  local state = redis.call('HMGET', ARGV[1] .. 'fam:' .. family, 'revoked', 'started')
  if not state[1] then
    redis.call('SREM', KEYS[1], family)
  elseif state[1] == '0' then
    table.insert(live, family)
    table.insert(live, state[2] or '0')
  end
end
return live
`;

/** Families in Redis, shared by every replica: used when the subgraph has a Redis client. */
export class RedisSessionStore implements SessionStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'mib:sessions:',
  ) {}

  async startFamily(family: NewFamily, first: NewToken): Promise<void> {
    const ttl = first.expiresAt.getTime() - Date.now();
    // An already expired token is as good as absent (Redis would drop it at once anyway).
    if (ttl <= 0) return;
    await this.redis
      .multi()
      .hset(this.#family(family.familyId), 'user', family.userId, 'revoked', '0', 'started', Date.now())
      .pexpire(this.#family(family.familyId), ttl)
      .hset(this.#token(first.tokenHash), 'family', family.familyId, 'used', '0')
      .pexpire(this.#token(first.tokenHash), ttl)
      .sadd(this.#user(family.userId), family.familyId)
      // NX gives a new set its first expiry (GT treats "none" as infinite); GT only lengthens it.
      .pexpire(this.#user(family.userId), ttl, 'NX')
      .pexpire(this.#user(family.userId), ttl, 'GT')
      .exec();
  }

  async rotate(presented: string, next: NewToken, now: Date): Promise<RotationOutcome> {
    // Expiry is Redis's TTL: an expired token's key is gone and reads as unknown.
    const reply = (await this.redis.eval(
      ROTATE,
      2,
      this.#token(presented),
      this.#token(next.tokenHash),
      this.#scriptPrefix(),
      ttlMs(next.expiresAt, now),
    )) as string[];
    const [kind, familyId, userId] = reply;
    if (kind === 'rotated' && familyId && userId) return { kind, familyId, userId };
    if (kind === 'reused' && familyId) return { kind, familyId };
    return { kind: 'invalid' };
  }

  async revokeFamilyOf(tokenHash: string): Promise<boolean> {
    return (await this.redis.eval(REVOKE_FAMILY_OF, 1, this.#token(tokenHash), this.#scriptPrefix())) === 1;
  }

  async revokeFamily(familyId: string): Promise<void> {
    const key = this.#family(familyId);
    // HSET on a missing key would create a family without a TTL; touch existing ones only.
    if ((await this.redis.exists(key)) === 1) await this.redis.hset(key, 'revoked', '1');
  }

  async revokeAllOf(userId: string): Promise<number> {
    // A family's key expires with its newest token, so every one the script finds is live.
    return (await this.redis.eval(REVOKE_ALL_OF, 1, this.#user(userId), this.#scriptPrefix())) as number;
  }

  async revokeFamilyOfUser(familyId: string, userId: string): Promise<boolean> {
    return (await this.redis.eval(REVOKE_FAMILY_OF_USER, 1, this.#family(familyId), userId)) === 1;
  }

  async listLive(userId: string): Promise<LiveSession[]> {
    // A family's key expires with its newest token, so an existing one is not expired.
    const pairs = (await this.redis.eval(LIST_LIVE, 1, this.#user(userId), this.#scriptPrefix())) as string[];
    const live: LiveSession[] = [];
    for (let i = 0; i + 1 < pairs.length; i += 2)
      live.push({ id: pairs[i]!, startedAt: new Date(Number(pairs[i + 1])) });
    return live.sort(oldestFirst);
  }

  async isLive(familyId: string): Promise<boolean> {
    // A family's key expires with its newest refresh token, long after its access tokens.
    return (await this.redis.hget(this.#family(familyId), 'revoked')) === '0';
  }

  /**
   * The prefix as the scripts must write it: keys they build themselves do not get the client's
   * own `keyPrefix` (a deployment namespace), which ioredis adds only to KEYS.
   */
  #scriptPrefix = () => `${this.redis.options.keyPrefix ?? ''}${this.prefix}`;
  #token = (tokenHash: string) => `${this.prefix}rt:${tokenHash}`;
  #family = (familyId: string) => `${this.prefix}fam:${familyId}`;
  #user = (userId: string) => `${this.prefix}user:${userId}`;
}

const ttlMs = (expiresAt: Date, now: Date): number => Math.max(1, expiresAt.getTime() - now.getTime());
