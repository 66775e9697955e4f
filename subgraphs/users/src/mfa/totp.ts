import { Secret, TOTP } from 'otpauth';
import type { PrismaClient } from '@mib/db';
import { SealedColumn, type DataSealer } from '../credentials/dataSealing.js';

/** RFC 6238 defaults, which every authenticator app supports: SHA-1, 6 digits, 30 s steps. */
const PERIOD_SECONDS = 30;
const DIGITS = 6;
/** Accept the previous and next step too: phone clocks drift and people type slowly. */
const WINDOW = 1;
const ISSUER = 'Market Intel Brain';

const totpOf = (secret: string, label = '') =>
  new TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: DIGITS, period: PERIOD_SECONDS, secret });

/** A fresh 160-bit shared secret (RFC 4226 §4 recommends 160), base32 as apps expect. */
export const newTotpSecret = (): string => new Secret({ size: 20 }).base32;

/** The `otpauth://totp/...` URI an authenticator app scans as a QR code. */
export const totpUri = (secret: string, email: string): string => totpOf(secret, email).toString();

/** What a TOTP code looks like (a recovery code never does). */
export const TOTP_CODE_SHAPE = /^\d{6}$/;

/** The time step `code` is valid for around `now`, or null when it is not a current code. */
export function acceptedStep(secret: string, code: string, now: number): number | null {
  if (!TOTP_CODE_SHAPE.test(code)) return null;
  const delta = totpOf(secret).validate({ token: code, timestamp: now, window: WINDOW });
  return delta === null ? null : TOTP.counter({ period: PERIOD_SECONDS, timestamp: now }) + delta;
}

/**
 * User `userId`'s secret as stored: sealed with the current data key for that user's row
 * (plaintext when there is no key).
 */
export const storedTotpSecret = (sealer: DataSealer, userId: string, secret: string): string =>
  sealer.seal(secret, SealedColumn.totpSecret, userId);

/**
 * Accepts `code` once: it must be current and of a later time step than the last code this
 * user got in with, so a code seen over a shoulder or in a log cannot be replayed. `factor` is
 * the row as stored; a secret stored in plaintext, under an older data key or in the former
 * column-only sealed form is sealed again with the current key for its row on the way, so every
 * factor in use ends up sealed under the newest key, bound to its user.
 */
export async function consumeTotpCode(
  prisma: PrismaClient,
  sealer: DataSealer,
  factor: { userId: string; secret: string },
  code: string,
  now = Date.now(),
): Promise<boolean> {
  const secret = sealer.open(factor.secret, SealedColumn.totpSecret, factor.userId);
  const step = acceptedStep(secret, code, now);
  if (step === null) return false;
  const resealed = sealer.needsResealing(factor.secret)
    ? storedTotpSecret(sealer, factor.userId, secret)
    : null;
  const { count } = await prisma.totpFactor.updateMany({
    // The secret as read: a factor enrolled again meanwhile does not accept the old secret's code.
    where: {
      userId: factor.userId,
      secret: factor.secret,
      OR: [{ lastUsedStep: null }, { lastUsedStep: { lt: step } }],
    },
    data: { lastUsedStep: step, ...(resealed === null ? {} : { secret: resealed }) },
  });
  return count === 1;
}
