import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';

/** A configured data key needs at least this many characters (a 32-byte key in base64 has 43). */
export const MIN_DATA_KEY_LENGTH = 32;

/** What every sealed value starts with; anything else is a value written before sealing. */
const SEALED_MARKER = 'sealed:';

/**
 * The prefix of values sealed now: format 2, whose additional authenticated data is the column
 * and the row the value belongs to.
 */
export const SEALED_PREFIX = 'sealed:v2:';

/**
 * Format 1, read but no longer written: the column alone was the additional authenticated data,
 * so such a value would open in any row of its column. Values in it are sealed again in format 2
 * at the next start and whenever a TOTP code is accepted.
 */
const COLUMN_ONLY_PREFIX = 'sealed:v1:';

/** The columns sealed values live in: with the row's id, the additional authenticated data of its values. */
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
 * The additional authenticated data of a value of format 2: the column, NUL, the row's id. The
 * columns are constants without NUL, so no other (column, row) pair yields the same bytes.
 */
const rowBoundData = (column: SealedColumn, rowId: string): Buffer =>
  Buffer.from(`${column}\u0000${rowId}`, 'utf8');

/**
 * The data a sealed value was bound to (its additional authenticated data) and the rest of it,
 * `<key id>:<iv>:<ciphertext and tag>`. The prefix, never a second attempt, decides which data:
 * a format 2 value moved to another row does not open as format 1.
 */
function splitSealed(stored: string, column: SealedColumn, rowId: string): { boundTo: Buffer; body: string } {
  if (stored.startsWith(SEALED_PREFIX))
    return { boundTo: rowBoundData(column, rowId), body: stored.slice(SEALED_PREFIX.length) };
  if (stored.startsWith(COLUMN_ONLY_PREFIX))
    return { boundTo: Buffer.from(column, 'utf8'), body: stored.slice(COLUMN_ONLY_PREFIX.length) };
  const format = stored.split(':', 2).join(':');
  throw new Error(`${column} holds a value of unknown sealed format ${format}: written by a newer release?`);
}

/**
 * Seals secrets the users subgraph must read back (signing keys, TOTP secrets) with AES-256-GCM,
 * so a copy of the database alone yields none of them. The first key seals; every key opens, so
 * a key rotates by prepending a new one and dropping the old once no value needs it. Without
 * keys, values are stored as they are (development only). A value without the `sealed:` prefix
 * was written before sealing and is read as it is.
 *
 * Sealed form: `sealed:v2:<key id>:<base64url iv>:<base64url ciphertext and tag>`, with the
 * column and the id of the row holding the value (`rowId`: the user of a TOTP factor, the kid
 * of a signing key) as additional authenticated data, so a value copied into another column, or
 * into another user's row by someone who can write to the database, fails to open. Values of
 * the former `sealed:v1:` form, bound to their column alone, still open, and count as needing
 * resealing.
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

  /** `plaintext` sealed with the first key for row `rowId` of `column`; unchanged when there is no key. */
  seal(plaintext: string, column: SealedColumn, rowId: string): string {
    const current = this.#keys[0];
    if (!current) return plaintext;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', current.key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(rowBoundData(column, rowId));
    const sealed = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return `${SEALED_PREFIX}${current.id}:${iv.toString('base64url')}:${sealed.toString('base64url')}`;
  }

  /**
   * The plaintext of a value read from row `rowId` of `column`: a sealed value is opened with
   * the key it names, a legacy plaintext value is returned as it is. Throws when the key is not
   * configured, the format is unknown, or the value does not authenticate (altered, or sealed
   * for another column or row).
   */
  open(stored: string, column: SealedColumn, rowId: string): string {
    if (!isSealed(stored)) return stored;
    const { boundTo, body } = splitSealed(stored, column, rowId);
    const [keyId, iv, sealed, ...rest] = body.split(':');
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
    decipher.setAAD(boundTo);
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    try {
      return Buffer.concat([
        decipher.update(bytes.subarray(0, bytes.length - TAG_BYTES)),
        decipher.final(),
      ]).toString('utf8');
    } catch {
      throw new Error(
        `a value in ${column} sealed with data key ${keyId} does not authenticate: altered, or sealed for another column or row`,
      );
    }
  }

  /**
   * Whether `stored` should be written again: plaintext while a key is configured, sealed with
   * an older key, or sealed in the former column-only format.
   */
  needsResealing(stored: string): boolean {
    const current = this.currentKeyId;
    if (current === undefined) return false;
    return !stored.startsWith(`${SEALED_PREFIX}${current}:`);
  }
}

/** Whether `stored` is in a sealed form (as opposed to a value written before sealing). */
export const isSealed = (stored: string): boolean => stored.startsWith(SEALED_MARKER);
