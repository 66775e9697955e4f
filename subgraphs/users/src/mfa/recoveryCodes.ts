import { randomBytes } from 'node:crypto';
import type { Prisma, PrismaClient } from '@mib/db';
import { sha256 } from '../credentials/opaqueTokens.js';

export const RECOVERY_CODE_COUNT = 10;
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** `XXXX-XXXX-XXXX-XXXX`: 80 random bits, readable aloud, no 0/O or 1/I confusion (base32). */
function newRecoveryCode(): string {
  const bytes = randomBytes(16);
  const characters = [...bytes].map((byte) => BASE32[byte & 31]).join('');
  return characters.match(/.{4}/g)!.join('-');
}

/** Case, spaces and dashes do not matter when a code is typed back. */
const normalise = (code: string): string => code.toUpperCase().replace(/[\s-]/g, '');

/** Replaces the user's recovery codes with ten new ones; returns them (stored only hashed). */
export async function replaceRecoveryCodes(tx: Prisma.TransactionClient, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({
    data: codes.map((code) => ({ userId, codeHash: sha256(normalise(code)) })),
  });
  return codes;
}

/** Spends one recovery code; false when it is unknown or was spent before. */
export async function useRecoveryCode(prisma: PrismaClient, userId: string, code: string): Promise<boolean> {
  const { count } = await prisma.recoveryCode.updateMany({
    where: { userId, codeHash: sha256(normalise(code)), usedAt: null },
    data: { usedAt: new Date() },
  });
  return count === 1;
}
