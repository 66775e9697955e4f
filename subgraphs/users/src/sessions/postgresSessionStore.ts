import type { PrismaClient } from '@mib/db';
import type { LiveSession, NewFamily, NewToken, RotationOutcome, SessionStore } from './sessionStore.js';

/** Families in `users.session_families` and `users.refresh_tokens`: the default without Redis. */
export class PostgresSessionStore implements SessionStore {
  constructor(private readonly prisma: PrismaClient) {}

  async startFamily(family: NewFamily, first: NewToken): Promise<void> {
    await this.prisma.sessionFamily.create({
      data: { id: family.familyId, userId: family.userId, tokens: { create: first } },
    });
  }

  rotate(presented: string, next: NewToken, now: Date): Promise<RotationOutcome> {
    return this.prisma.$transaction(async (tx) => {
      // The conditional update is the atomic step: only one exchange finds used_at still null.
      const spent = await tx.refreshToken.updateMany({
        where: { tokenHash: presented, usedAt: null, expiresAt: { gt: now }, family: { revokedAt: null } },
        data: { usedAt: now },
      });
      const token = await tx.refreshToken.findUnique({
        where: { tokenHash: presented },
        include: { family: true },
      });
      if (!token || token.family.revokedAt !== null || token.expiresAt <= now)
        return { kind: 'invalid' } as const;
      if (spent.count === 0) {
        await tx.sessionFamily.update({ where: { id: token.familyId }, data: { revokedAt: now } });
        return { kind: 'reused', familyId: token.familyId } as const;
      }
      await tx.refreshToken.create({ data: { ...next, familyId: token.familyId } });
      return { kind: 'rotated', familyId: token.familyId, userId: token.family.userId } as const;
    });
  }

  async revokeFamilyOf(tokenHash: string): Promise<boolean> {
    const token = await this.prisma.refreshToken.findUnique({ where: { tokenHash } });
    if (!token) return false;
    const { count } = await this.prisma.sessionFamily.updateMany({
      where: { id: token.familyId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    return count > 0;
  }

  async isLive(familyId: string): Promise<boolean> {
    const family = await this.prisma.sessionFamily.findUnique({
      where: { id: familyId },
      select: { revokedAt: true },
    });
    return family !== null && family.revokedAt === null;
  }

  async revokeFamily(familyId: string): Promise<void> {
    await this.prisma.sessionFamily.updateMany({
      where: { id: familyId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
  }

  async revokeFamilyOfUser(familyId: string, userId: string): Promise<boolean> {
    const { count } = await this.prisma.sessionFamily.updateMany({
      where: { id: familyId, userId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    return count > 0;
  }

  async listLive(userId: string, now: Date): Promise<LiveSession[]> {
    const families = await this.prisma.sessionFamily.findMany({
      where: { userId, revokedAt: null, tokens: { some: { expiresAt: { gt: now } } } },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: { id: true, createdAt: true },
    });
    return families.map(({ id, createdAt }) => ({ id, startedAt: createdAt }));
  }

  async revokeAllOf(userId: string, now: Date): Promise<number> {
    // An expired family is already dead (no token to refresh, no access token outlives it).
    const { count } = await this.prisma.sessionFamily.updateMany({
      where: { userId, revokedAt: null, tokens: { some: { expiresAt: { gt: now } } } },
      data: { revokedAt: now },
    });
    return count;
  }
}
