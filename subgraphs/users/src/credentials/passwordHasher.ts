import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** scrypt's cost parameters: N = 2^logN, block size r, parallelism p. */
export interface ScryptCost {
  readonly logN: number;
  readonly r: number;
  readonly p: number;
}

/** OWASP Password Storage Cheat Sheet (2025): N=2^17, r=8, p=1 — 128 MiB and ~0.1–0.5 s per hash. */
export const OWASP_SCRYPT_COST: ScryptCost = { logN: 17, r: 8, p: 1 };

const SALT_BYTES = 16;
const KEY_BYTES = 32;
const FORMAT = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,3}),p=(\d{1,3})\$([A-Za-z0-9_-]+)\$([A-Za-z0-9_-]+)$/;

export interface PasswordCheck {
  readonly matches: boolean;
  /** The hash was made with another cost than the current one: store a fresh hash. */
  readonly needsRehash: boolean;
}

/**
 * Hashes passwords with Node's memory-hard scrypt into a self-describing string,
 * `$scrypt$ln=17,r=8,p=1$<salt>$<key>` (base64url), so the cost can be raised later: hashes
 * made at an older cost still verify and are reported for rehashing.
 */
export class PasswordHasher {
  /** Verified when no account has the email, so a miss costs what a wrong password costs. */
  #dummyHash: Promise<string> | undefined;

  constructor(readonly cost: ScryptCost = OWASP_SCRYPT_COST) {}

  async hash(password: string): Promise<string> {
    const salt = randomBytes(SALT_BYTES);
    const key = await derive(password, salt, this.cost);
    const { logN, r, p } = this.cost;
    return `$scrypt$ln=${logN},r=${r},p=${p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
  }

  /** Checks `password` against `stored`; with `stored` null it burns one hash and says no. */
  async verify(password: string, stored: string | null): Promise<PasswordCheck> {
    const parsed = parse(
      stored ?? (await (this.#dummyHash ??= this.hash(randomBytes(16).toString('base64url')))),
    );
    if (!parsed) return { matches: false, needsRehash: false };
    const key = await derive(password, parsed.salt, parsed.cost);
    const matches = stored !== null && key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
    const { logN, r, p } = parsed.cost;
    return { matches, needsRehash: logN !== this.cost.logN || r !== this.cost.r || p !== this.cost.p };
  }
}

function parse(stored: string): { cost: ScryptCost; salt: Buffer; key: Buffer } | null {
  const match = FORMAT.exec(stored);
  if (!match) return null;
  const [, logN, r, p, salt, key] = match;
  return {
    cost: { logN: Number(logN), r: Number(r), p: Number(p) },
    salt: Buffer.from(salt!, 'base64url'),
    key: Buffer.from(key!, 'base64url'),
  };
}

function derive(password: string, salt: Buffer, { logN, r, p }: ScryptCost): Promise<Buffer> {
  const N = 2 ** logN;
  // scrypt needs 128·N·r bytes; Node's default cap (32 MiB) is below OWASP's 128 MiB.
  const options: ScryptOptions = { N, r, p, maxmem: 2 * 128 * N * r };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, KEY_BYTES, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}
