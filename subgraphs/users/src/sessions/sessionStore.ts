/**
 * Where refresh-token families live. A family is one sign-in; each refresh exchanges its one
 * live token for the next. Tokens are known here only by their SHA-256 (`tokenHash`), so a
 * leaked store yields no usable token. Every adapter passes test/sessionStore.contract.test.ts.
 */
export interface SessionStore {
  /** Starts family `familyId` for `userId` with its first token. */
  startFamily(family: NewFamily, first: NewToken): Promise<void>;
  /**
   * Exchanges `presented` for `next`, atomically: of two concurrent exchanges of one token,
   * exactly one rotates and the other is a reuse. A reuse revokes the whole family, since
   * either the thief or the rightful owner now holds a copy of a spent token.
   */
  rotate(presented: string, next: NewToken, now: Date): Promise<RotationOutcome>;
  /** Revokes the family `tokenHash` belongs to; false when the token is unknown or its family ended before. */
  revokeFamilyOf(tokenHash: string): Promise<boolean>;
  /** Revokes a family by id (no-op when unknown). */
  revokeFamily(familyId: string): Promise<void>;
  /**
   * Revokes every live family of `userId` (a password change ends all of a user's sessions);
   * returns how many, counting only families `listLive` would have listed at `now`, so every
   * adapter answers alike (Redis forgets expired families; the others keep them).
   */
  revokeAllOf(userId: string, now: Date): Promise<number>;
  /** Revokes `familyId` only if it is a live family of `userId`; false otherwise. */
  revokeFamilyOfUser(familyId: string, userId: string): Promise<boolean>;
  /** The user's live families (neither revoked nor expired), oldest first: their signed-in devices. */
  listLive(userId: string, now: Date): Promise<LiveSession[]>;
  /**
   * Whether the family exists and is not revoked: an access token carries its family as `sid`,
   * and stops working when its session was logged out or caught reusing a token.
   */
  isLive(familyId: string): Promise<boolean>;
}

export interface LiveSession {
  readonly id: string;
  readonly startedAt: Date;
}

/** `listLive`'s order: oldest first, ties by id, so every adapter lists alike. */
export const oldestFirst = (a: LiveSession, b: LiveSession): number =>
  a.startedAt.getTime() - b.startedAt.getTime() || a.id.localeCompare(b.id);

export interface NewFamily {
  readonly familyId: string;
  readonly userId: string;
}

export interface NewToken {
  readonly tokenHash: string;
  readonly expiresAt: Date;
}

export type RotationOutcome =
  | { readonly kind: 'rotated'; readonly familyId: string; readonly userId: string }
  /** The token was spent before: the family is now revoked. */
  | { readonly kind: 'reused'; readonly familyId: string }
  /** Unknown, expired, or of a revoked family. */
  | { readonly kind: 'invalid' };
