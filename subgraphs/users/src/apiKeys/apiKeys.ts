import { randomUUID, timingSafeEqual } from 'node:crypto';
import { isScope, requireOwner, scopesOfRole, type Identity, type Scope } from '@mib/auth';
import type { ApiKey, PrismaClient } from '@mib/db';
import { badUserInput, forbidden, notFound } from '@mib/errors';
import { withAdvisoryLock } from '@mib/subgraph-kit';
import { hasControlCharacter } from '../accounts/accountInput.js';
import { roleOf } from '../accounts/roles.js';
import { newApiKeySecret, parseApiKey } from './apiKeySecret.js';

const MAX_NAME_LENGTH = 100;
/**
 * Live keys one user may hold. Each key has a rate-limit bucket of its own at the gateway, so
 * without a cap a user could multiply their budget by minting keys.
 */
export const MAX_LIVE_API_KEYS = 20;
/** The class of the advisory locks that serialise one user's key creations ("AKEY" in ASCII). */
const API_KEY_LOCK_CLASS = 0x414b4559;

/** A key's scopes, stored space-separated like an access token's `scope` claim. */
export const scopesOfKey = (apiKey: Pick<ApiKey, 'scopes'>): string[] =>
  apiKey.scopes.split(' ').filter(Boolean);
/** A key already seen less than this long ago is not written again (one write a minute at most). */
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * Creates an API key for the caller with `scopes`, which must be among the caller's own, while
 * fewer than `MAX_LIVE_API_KEYS` of theirs are live (BAD_USER_INPUT then, nothing written). Only
 * a signed-in session may do this: a key must not mint keys (a leaked key would then outlive
 * its revocation through its offspring). The full key is returned here and never again.
 */
export async function createApiKey(
  prisma: PrismaClient,
  identity: Identity,
  input: { name: string; scopes: readonly string[] },
): Promise<{ apiKey: ApiKey; key: string }> {
  if (identity.credential.kind !== 'session')
    throw forbidden('API keys can only be created from a signed-in session');
  const name = input.name.trim();
  if (name.length === 0 || name.length > MAX_NAME_LENGTH)
    throw badUserInput(`The name needs 1 to ${MAX_NAME_LENGTH} characters`, 'name');
  if (hasControlCharacter(name)) throw badUserInput('The name may not hold control characters', 'name');
  const scopes = [...new Set(input.scopes)];
  if (scopes.length === 0) throw badUserInput('Give the key at least one scope', 'scopes');
  for (const scope of scopes) {
    if (!isScope(scope)) throw badUserInput(`Unknown scope: ${scope}`, 'scopes');
    if (!identity.scopes.includes(scope)) throw forbidden(`You do not have the scope ${scope} to give`);
  }
  const id = randomUUID();
  const { key, secretHash } = newApiKeySecret(id);
  // Two creations at once must not both pass the count.
  const apiKey = await withAdvisoryLock(
    prisma,
    { lockClass: API_KEY_LOCK_CLASS, key: identity.userId },
    async (tx) => {
      const live = await tx.apiKey.count({ where: { userId: identity.userId, revokedAt: null } });
      if (live >= MAX_LIVE_API_KEYS)
        throw badUserInput(
          `At most ${MAX_LIVE_API_KEYS} API keys may be live at once: revoke one first`,
          'input',
        );
      return tx.apiKey.create({
        data: { id, userId: identity.userId, name, scopes: scopes.join(' '), secretHash },
      });
    },
  );
  return { apiKey, key };
}

/**
 * Revokes a key of the caller's (or any key, for an admin); revoking twice keeps the first time.
 * A key may retire itself (its program noticed a leak), but revoking others takes a session, so a
 * stolen key cannot shut its owner's other programs out.
 */
export async function revokeApiKey(prisma: PrismaClient, identity: Identity, id: string): Promise<ApiKey> {
  if (identity.credential.kind === 'apiKey' && identity.credential.id !== id)
    throw forbidden('An API key may revoke only itself; sign in to manage your other keys');
  const apiKey = await prisma.apiKey.findUnique({ where: { id } });
  if (!apiKey) throw notFound('API key', id);
  requireOwner(identity, apiKey.userId);
  if (apiKey.revokedAt) return apiKey;
  return prisma.apiKey.update({ where: { id }, data: { revokedAt: new Date() } });
}

/**
 * The identity an API key stands for, or null for anything but a live key. Its scopes are the
 * key's, narrowed to what the owner's role grants today (a demoted owner's keys shrink too).
 */
export async function verifyApiKey(
  prisma: PrismaClient,
  key: string,
  now = new Date(),
): Promise<Identity | null> {
  const parsed = parseApiKey(key);
  if (!parsed) return null;
  const apiKey = await prisma.apiKey.findUnique({ where: { id: parsed.keyId }, include: { user: true } });
  if (!apiKey || apiKey.revokedAt) return null;
  const given = Buffer.from(parsed.secretHash, 'hex');
  const stored = Buffer.from(apiKey.secretHash, 'hex');
  if (given.length !== stored.length || !timingSafeEqual(given, stored)) return null;
  await prisma.apiKey.updateMany({
    where: {
      id: apiKey.id,
      OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - LAST_USED_RESOLUTION_MS) } }],
    },
    data: { lastUsedAt: now },
  });
  const role = roleOf(apiKey.user.role);
  const granted = scopesOfRole(role);
  return {
    userId: apiKey.userId,
    role,
    scopes: scopesOfKey(apiKey).filter((scope): scope is Scope => isScope(scope) && granted.includes(scope)),
    credential: { kind: 'apiKey', id: apiKey.id },
  };
}
