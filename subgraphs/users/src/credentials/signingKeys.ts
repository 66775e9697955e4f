import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import type { Prisma, PrismaClient, SigningKey } from '@mib/db';
import { SealedColumn, type DataSealer } from './dataSealing.js';

/** JWS algorithm of every access token: Ed25519 signatures (RFC 8037). */
export const SIGNING_ALGORITHM = 'EdDSA';

export interface SigningKeyPolicy {
  /** A key older than this is replaced by a new one on the next start or signature. */
  readonly rotationPeriodMs: number;
  /** Lifetime of the tokens the keys sign: a retired key stays published this long. */
  readonly tokenLifetimeMs: number;
  /** How long a replica trusts its cached current key before reading the table again. */
  readonly cacheMs: number;
}

export interface ActiveSigningKey {
  readonly kid: string;
  readonly key: CryptoKey;
  readonly createdAt: Date;
}

/** Serialises key creation across replicas (pg_advisory_xact_lock key: "SIGNKEYS" in ASCII). */
const ROTATION_LOCK = 0x5349474e4b455953n;

/**
 * The Ed25519 keys that sign access tokens, kept in `users.signing_keys` so every replica signs
 * with the same key and publishes the same set. The newest unretired key signs; one older than
 * the rotation period is retired and replaced. A retired key stays in the JWKS until every token
 * it can have signed has expired (token lifetime plus the replicas' cache time). The private JWK
 * is stored sealed by `sealer` for its kid (a JSON string); one stored as a JSON object predates
 * sealing.
 */
export class SigningKeys {
  #current: { key: ActiveSigningKey; readAt: number } | null = null;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly policy: SigningKeyPolicy,
    private readonly sealer: DataSealer,
    private readonly now: () => number = Date.now,
  ) {}

  /** The key to sign with now, rotating first if the current one is too old. */
  async current(): Promise<ActiveSigningKey> {
    const now = this.now();
    const cached = this.#current;
    if (cached && now - cached.readAt < this.policy.cacheMs && !this.#expired(cached.key.createdAt, now))
      return cached.key;
    const row = await this.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ROTATION_LOCK})`;
      const newest = await newestUnretired(tx);
      if (newest && !this.#expired(newest.createdAt, now)) return newest;
      return createKey(tx, this.sealer, new Date(now));
    });
    const key = { kid: row.kid, key: await importPrivate(row, this.sealer), createdAt: row.createdAt };
    this.#current = { key, readAt: now };
    return key;
  }

  /** Retires every key and starts a new one at once (after a suspected key compromise, say). */
  async rotate(): Promise<SigningKey> {
    const row = await this.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ROTATION_LOCK})`;
      return createKey(tx, this.sealer, new Date(this.now()));
    });
    this.#current = null;
    return row;
  }

  /** The public keys a verifier needs: every unretired key and those retired too recently. */
  async published(): Promise<{ keys: JWK[] }> {
    const publishedSince = new Date(this.now() - this.policy.tokenLifetimeMs - this.policy.cacheMs);
    const rows = await this.prisma.signingKey.findMany({
      where: { OR: [{ retiredAt: null }, { retiredAt: { gt: publishedSince } }] },
      orderBy: { createdAt: 'desc' },
    });
    return { keys: rows.map((row) => row.publicJwk as JWK) };
  }

  #expired(createdAt: Date, now: number): boolean {
    return now - createdAt.getTime() >= this.policy.rotationPeriodMs;
  }
}

const newestUnretired = (tx: Prisma.TransactionClient) =>
  tx.signingKey.findFirst({ where: { retiredAt: null }, orderBy: { createdAt: 'desc' } });

async function createKey(tx: Prisma.TransactionClient, sealer: DataSealer, now: Date): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(SIGNING_ALGORITHM, {
    crv: 'Ed25519',
    extractable: true,
  });
  const kid = randomUUID();
  const describe = (jwk: JWK): JWK => ({ ...jwk, kid, alg: SIGNING_ALGORITHM, use: 'sig' });
  const privateJwk = describe(await exportJWK(privateKey));
  await tx.signingKey.updateMany({ where: { retiredAt: null }, data: { retiredAt: now } });
  return tx.signingKey.create({
    data: {
      kid,
      // Without a data key the JWK stays a JSON object, as before sealing existed.
      privateJwk: sealer.sealing
        ? sealer.seal(JSON.stringify(privateJwk), SealedColumn.signingKeyPrivateJwk, kid)
        : privateJwk,
      publicJwk: describe(await exportJWK(publicKey)),
      createdAt: now,
    },
  });
}

/** The private JWK of a row: a JSON string sealed for its kid, or a plaintext JSON object. */
export function privateJwkOf(row: Pick<SigningKey, 'kid' | 'privateJwk'>, sealer: DataSealer): JWK {
  if (typeof row.privateJwk !== 'string') return row.privateJwk as JWK;
  return JSON.parse(sealer.open(row.privateJwk, SealedColumn.signingKeyPrivateJwk, row.kid)) as JWK;
}

async function importPrivate(row: SigningKey, sealer: DataSealer): Promise<CryptoKey> {
  const key = await importJWK(privateJwkOf(row, sealer), SIGNING_ALGORITHM);
  if (key instanceof Uint8Array) throw new Error(`signing key ${row.kid} is not an asymmetric key`);
  return key;
}
