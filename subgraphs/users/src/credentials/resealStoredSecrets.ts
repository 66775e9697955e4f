import type { PrismaClient } from '@mib/db';
import { SealedColumn, type DataSealer } from './dataSealing.js';
import { privateJwkOf } from './signingKeys.js';

export interface ResealedCounts {
  readonly signingKeys: number;
  readonly totpFactors: number;
}

/** TOTP factors read per statement: a bound on memory, not a tuning knob. */
const TOTP_BATCH = 500;

/**
 * Seals under the current data key, bound to its row, every stored secret that is not: plaintext
 * written before `USERS_DATA_KEYS` was set, values sealed with an older key, and values of the
 * former column-only sealed form (`sealed:v1:`). Run at start, so sealing covers
 * rows nobody uses (a TOTP factor is otherwise resealed only when a code is accepted) and an old
 * key can be dropped once every replica has started with the new one first. A TOTP factor is
 * updated only if it still holds what was read, so a concurrent re-enrolment is never overwritten
 * with the older secret.
 */
export async function resealStoredSecrets(prisma: PrismaClient, sealer: DataSealer): Promise<ResealedCounts> {
  if (!sealer.sealing) return { signingKeys: 0, totpFactors: 0 };
  return {
    signingKeys: await resealSigningKeys(prisma, sealer),
    totpFactors: await resealTotpFactors(prisma, sealer),
  };
}

async function resealSigningKeys(prisma: PrismaClient, sealer: DataSealer): Promise<number> {
  let resealed = 0;
  for (const row of await prisma.signingKey.findMany({ select: { kid: true, privateJwk: true } })) {
    // A string is sealed; a JSON object is a private key stored before sealing.
    if (typeof row.privateJwk === 'string' && !sealer.needsResealing(row.privateJwk)) continue;
    const plaintext = JSON.stringify(privateJwkOf(row, sealer));
    // A key's private JWK is written once, when it is created: nothing can change it meanwhile.
    await prisma.signingKey.update({
      where: { kid: row.kid },
      data: { privateJwk: sealer.seal(plaintext, SealedColumn.signingKeyPrivateJwk, row.kid) },
    });
    resealed += 1;
  }
  return resealed;
}

async function resealTotpFactors(prisma: PrismaClient, sealer: DataSealer): Promise<number> {
  let resealed = 0;
  let after: string | undefined;
  for (;;) {
    const factors = await prisma.totpFactor.findMany({
      select: { userId: true, secret: true },
      orderBy: { userId: 'asc' },
      take: TOTP_BATCH,
      ...(after === undefined ? {} : { cursor: { userId: after }, skip: 1 }),
    });
    for (const { userId, secret } of factors) {
      if (!sealer.needsResealing(secret)) continue;
      const plaintext = sealer.open(secret, SealedColumn.totpSecret, userId);
      const { count } = await prisma.totpFactor.updateMany({
        where: { userId, secret },
        data: { secret: sealer.seal(plaintext, SealedColumn.totpSecret, userId) },
      });
      resealed += count;
    }
    if (factors.length < TOTP_BATCH) return resealed;
    after = factors.at(-1)?.userId;
  }
}
