import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';

/** A configured data key needs at least this many characters (a 32-byte key in base64 has 43). */
export const MIN_DATA_KEY_LENGTH = 32;

/** What every sealed value starts with; anything else is a value written before sealing. */
export const SEALED_PREFIX = 'sealed:v1:';

/** The columns sealed values live in: each is the additional authenticated data of its values. */
export const SealedColumn = {
  signingKeyPrivateJwk: 'users.signing_keys.private_jwk',
  totpSecret: 'users.totp_factors.secret',
} as const;
export type SealedColumn = (typeof SealedColumn)[keyof typeof SealedColumn];

/** 96-bit nonces, the size GCM is specified for (NIST SP 800-38D §8.2); random, one per value. */
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Domain separation: the same configured secret used elsewhere yields an unrelated AES key. */
const HKDF_INFO = 'mib users data sealing v1';

interface DataKey {
  readonly id: string;
  readonly key: Buffer;
}

/**
 * The AES-256 key of one configured secret, derived with HKDF-SHA256 so that any string of at
 * least 32 characters (base64 of 32 random bytes, or a long passphrase) serves. Its id is the
 * first 8 hex characters of the SHA-256 of the derived key: it names the key in sealed values
 * and errors without revealing anything usable about it.
 */
function dataKeyOf(secret: string): DataKey {
  if (secret.length < MIN_DATA_KEY_LENGTH)
    throw new Error(`a data key needs at least ${MIN_DATA_KEY_LENGTH} characters`);
  const key = Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), HKDF_INFO, 32));
  return { id: createHash('sha256').update(key).digest('hex').slice(0, 8), key };
}

/**
 * Seals secrets the users subgraph must read back (signing keys, TOTP secrets) with AES-256-GCM,
 * so a copy of the database alone yields none of them. The first key seals; every key opens, so
 * a key rotates by prepending a new one and dropping the old once no value needs it. Without
 * keys, values are stored as they are (development only). A value without the `sealed:v1:`
 * prefix was written before sealing and is read as it is.
 *
 * Sealed form: `sealed:v1:<key id>:<base64url iv>:<base64url ciphertext and tag>`, with the
 * column as additional authenticated data, so a value copied into another column fails to open.
 */
export class DataSealer {
  readonly #keys: readonly DataKey[];

  constructor(secrets: readonly string[]) {
    this.#keys = secrets.map(dataKeyOf);
  }

  /** Whether new values are sealed (false: no key configured, values are stored in plaintext). */
  get sealing(): boolean {
    return this.#keys.length > 0;
  }

  /** The id of the key new values are sealed with, if any. */
  get currentKeyId(): string | undefined {
    return this.#keys[0]?.id;
  }

  /** `plaintext` sealed with the first key for `column`; unchanged when there is no key. */
  seal(plaintext: string, column: SealedColumn): string {
    const current = this.#keys[0];
    if (!current) return plaintext;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', current.key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(column, 'utf8'));
    const sealed = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return `${SEALED_PREFIX}${current.id}:${iv.toString('base64url')}:${sealed.toString('base64url')}`;
  }

  /**
   * The plaintext of a value read from `column`: a sealed value is opened with the key it names,
   * a legacy plaintext value is returned as it is. Throws when the key is not configured or the
   * value does not authenticate (altered, or sealed for another column).
   */
  open(stored: string, column: SealedColumn): string {
    if (!isSealed(stored)) return stored;
    const [keyId, iv, sealed, ...rest] = stored.slice(SEALED_PREFIX.length).split(':');
    if (keyId === undefined || iv === undefined || sealed === undefined || rest.length > 0)
      throw new Error(`malformed sealed value in ${column}`);
    const dataKey = this.#keys.find((candidate) => candidate.id === keyId);
    if (!dataKey)
      throw new Error(
        `${column} holds a value sealed with data key ${keyId}, which is not among the configured USERS_DATA_KEYS`,
      );
    const bytes = Buffer.from(sealed, 'base64url');
    const ivBytes = Buffer.from(iv, 'base64url');
    if (ivBytes.length !== IV_BYTES || bytes.length < TAG_BYTES)
      throw new Error(`malformed sealed value in ${column}`);
    const decipher = createDecipheriv('aes-256-gcm', dataKey.key, ivBytes, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(column, 'utf8'));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    try {
      return Buffer.concat([
        decipher.update(bytes.subarray(0, bytes.length - TAG_BYTES)),
        decipher.final(),
      ]).toString('utf8');
    } catch {
      throw new Error(
        `a value in ${column} sealed with data key ${keyId} does not authenticate: altered, or sealed for another column`,
      );
    }
  }

  /** Whether `stored` should be written again: plaintext while a key is configured, or sealed with an older key. */
  needsResealing(stored: string): boolean {
    const current = this.currentKeyId;
    if (current === undefined) return false;
    return !stored.startsWith(`${SEALED_PREFIX}${current}:`);
  }
}

/** Whether `stored` is in the sealed form (as opposed to a value written before sealing). */
export const isSealed = (stored: string): boolean => stored.startsWith(SEALED_PREFIX);
