import { createHash, randomBytes } from 'node:crypto';

/** 256 bits from the OS CSPRNG, base64url: refresh tokens and API key secrets. */
export const randomToken = (): string => randomBytes(32).toString('base64url');

/**
 * SHA-256, hex. Enough for secrets with 256 bits of entropy (nothing to brute-force, unlike a
 * password), and cheap enough for every request an API key makes.
 */
export const sha256 = (secret: string): string => createHash('sha256').update(secret).digest('hex');
