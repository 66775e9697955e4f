import {
  oldestFirst,
  type LiveSession,
  type NewFamily,
  type NewToken,
  type RotationOutcome,
  type SessionStore,
} from './sessionStore.js';

interface FamilyRecord {
  readonly userId: string;
  readonly startedAt: Date;
  /** The expiry of its newest token. */
  expiresAt: Date;
  revoked: boolean;
}

interface TokenRecord {
  readonly familyId: string;
  readonly expiresAt: Date;
  used: boolean;
}

/** Families in this process only: for unit tests and single-process tools. */
export class MemorySessionStore implements SessionStore {
  readonly #families = new Map<string, FamilyRecord>();
  readonly #tokens = new Map<string, TokenRecord>();

  startFamily(family: NewFamily, first: NewToken): Promise<void> {
    this.#families.set(family.familyId, {
      userId: family.userId,
      startedAt: new Date(),
      expiresAt: first.expiresAt,
      revoked: false,
    });
    this.#tokens.set(first.tokenHash, { familyId: family.familyId, expiresAt: first.expiresAt, used: false });
    return Promise.resolve();
  }

  rotate(presented: string, next: NewToken, now: Date): Promise<RotationOutcome> {
    const token = this.#tokens.get(presented);
    const family = token && this.#families.get(token.familyId);
    if (!token || !family || family.revoked || token.expiresAt <= now)
      return Promise.resolve({ kind: 'invalid' });
    if (token.used) {
      family.revoked = true;
      return Promise.resolve({ kind: 'reused', familyId: token.familyId });
    }
    token.used = true;
    this.#tokens.set(next.tokenHash, { familyId: token.familyId, expiresAt: next.expiresAt, used: false });
    if (next.expiresAt > family.expiresAt) family.expiresAt = next.expiresAt;
    return Promise.resolve({ kind: 'rotated', familyId: token.familyId, userId: family.userId });
  }

  revokeFamilyOf(tokenHash: string): Promise<boolean> {
    const token = this.#tokens.get(tokenHash);
    const family = token && this.#families.get(token.familyId);
    if (!family || family.revoked) return Promise.resolve(false);
    family.revoked = true;
    return Promise.resolve(true);
  }

  revokeFamily(familyId: string): Promise<void> {
    const family = this.#families.get(familyId);
    if (family) family.revoked = true;
    return Promise.resolve();
  }

  revokeAllOf(userId: string, now: Date): Promise<number> {
    let revoked = 0;
    for (const family of this.#families.values())
      if (family.userId === userId && !family.revoked && family.expiresAt > now) {
        family.revoked = true;
        revoked++;
      }
    return Promise.resolve(revoked);
  }

  revokeFamilyOfUser(familyId: string, userId: string): Promise<boolean> {
    const family = this.#families.get(familyId);
    if (!family || family.userId !== userId || family.revoked) return Promise.resolve(false);
    family.revoked = true;
    return Promise.resolve(true);
  }

  listLive(userId: string, now: Date): Promise<LiveSession[]> {
    const live: LiveSession[] = [];
    for (const [id, family] of this.#families)
      if (family.userId === userId && !family.revoked && family.expiresAt > now)
        live.push({ id, startedAt: family.startedAt });
    return Promise.resolve(live.sort(oldestFirst));
  }

  isLive(familyId: string): Promise<boolean> {
    const family = this.#families.get(familyId);
    return Promise.resolve(family !== undefined && !family.revoked);
  }
}
