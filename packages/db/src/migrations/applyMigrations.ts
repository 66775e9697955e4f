import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { migrationsDirectory as defaultMigrationsDirectory } from '../paths.js';
import { createLedgerSql, readLedger, recordApplied, type LedgerEntry } from './migrationLedger.js';
import { readMigrationFiles, type MigrationFile } from './migrationFiles.js';

export interface ApplyMigrationsOptions {
  /** Default: the repository's `prisma/migrations`. */
  readonly migrationsDirectory?: string;
}

export interface ApplyMigrationsResult {
  /** Names of the migrations this call ran, in order; empty when the database was up to date. */
  readonly applied: readonly string[];
}

/** Thrown when the database's history and the migrations folder cannot be reconciled safely. */
export class MigrationHistoryError extends Error {
  override readonly name = 'MigrationHistoryError';
}

/**
 * Any fixed key serialises concurrent runs; this is the one the Prisma schema engine takes
 * (`SELECT pg_advisory_lock(72707369)`), so this runner and `prisma migrate deploy` exclude
 * each other too.
 */
const ADVISORY_LOCK_KEY = 72707369;

/**
 * Brings the database up to date with `prisma/migrations`, as `prisma migrate deploy` would,
 * with plain node-postgres (no schema engine, no wasm at run time). Each migration runs in its
 * own transaction together with its ledger row, so a failure leaves no half-applied migration.
 * Safe to call at every start-up: it is idempotent, and concurrent callers wait on an advisory
 * lock. Refuses to run when an applied migration was edited or left failed.
 */
export async function applyMigrations(
  databaseUrl: string,
  options: ApplyMigrationsOptions = {},
): Promise<ApplyMigrationsResult> {
  const migrations = await readMigrationFiles(options.migrationsDirectory ?? defaultMigrationsDirectory);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [ADVISORY_LOCK_KEY]);
    try {
      await client.query(createLedgerSql);
      const pending = pendingMigrations(migrations, await readLedger(client));
      for (const migration of pending) await applyOne(client, migration);
      return { applied: pending.map((migration) => migration.name) };
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [ADVISORY_LOCK_KEY]);
    }
  } finally {
    await client.end();
  }
}

/** The migrations still to run, after checking that the ones already run are untouched. */
function pendingMigrations(
  migrations: readonly MigrationFile[],
  ledger: readonly LedgerEntry[],
): MigrationFile[] {
  const onDisk = new Map(migrations.map((migration) => [migration.name, migration]));
  for (const entry of ledger) {
    if (!entry.finished) {
      throw new MigrationHistoryError(
        `Migration ${entry.name} started but did not finish. Fix the database by hand, then mark it ` +
          `rolled back (UPDATE public."_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = '${entry.name}').`,
      );
    }
    const file = onDisk.get(entry.name);
    if (file && file.checksum !== entry.checksum) {
      throw new MigrationHistoryError(
        `Migration ${entry.name} was modified after it was applied (checksum ${entry.checksum} in the ` +
          `database, ${file.checksum} on disk). Applied migrations are immutable: restore the file and ` +
          `put the change in a new migration.`,
      );
    }
  }
  const applied = new Set(ledger.map((entry) => entry.name));
  return migrations.filter((migration) => !applied.has(migration.name));
}

async function applyOne(client: pg.Client, migration: MigrationFile): Promise<void> {
  await client.query('BEGIN');
  try {
    // Sent as one simple-protocol query, so multi-statement scripts and `$$` bodies run as written.
    await client.query(migration.sql);
    await recordApplied(client, { id: randomUUID(), name: migration.name, checksum: migration.checksum });
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw new Error(`Migration ${migration.name} failed and was rolled back: ${(error as Error).message}`, {
      cause: error,
    });
  }
}
