import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** One folder of `prisma/migrations`, in Prisma's format: `<timestamp>_<name>/migration.sql`. */
export interface MigrationFile {
  /** The folder name, which is also the ledger's `migration_name`. */
  readonly name: string;
  readonly sql: string;
  /** sha256 of `migration.sql` in hex, the checksum `prisma migrate` records and compares. */
  readonly checksum: string;
}

/** Prisma's lock file, naming the provider the migrations were written for. */
export const migrationLockFileName = 'migration_lock.toml';

/**
 * The migrations in the order they must run: folder names start with a UTC timestamp, so name
 * order is creation order (the same rule `prisma migrate deploy` follows).
 */
export async function readMigrationFiles(migrationsDirectory: string): Promise<MigrationFile[]> {
  const entries = await readdir(migrationsDirectory, { withFileTypes: true }).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  });
  const folders = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    folders.map(async (name) => {
      const sql = await readFile(path.join(migrationsDirectory, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: sha256(sql) };
    }),
  );
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
