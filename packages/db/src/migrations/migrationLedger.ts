import type pg from 'pg';

/**
 * Prisma's `_prisma_migrations` table, created exactly as `prisma migrate deploy` creates it so
 * that either tool can take over a database the other one migrated.
 */
export const createLedgerSql = `
CREATE TABLE IF NOT EXISTS public."_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

/** One ledger row that still counts: rolled-back attempts are history, not state. */
export interface LedgerEntry {
  readonly name: string;
  readonly checksum: string;
  readonly finished: boolean;
}

export async function readLedger(client: pg.ClientBase): Promise<LedgerEntry[]> {
  const { rows } = await client.query<{ migration_name: string; checksum: string; finished: boolean }>(
    `SELECT migration_name, checksum, finished_at IS NOT NULL AS finished
       FROM public."_prisma_migrations"
      WHERE rolled_back_at IS NULL
      ORDER BY started_at, migration_name`,
  );
  return rows.map((row) => ({ name: row.migration_name, checksum: row.checksum, finished: row.finished }));
}

/**
 * Records a migration the way the schema engine does after running it: one step (the whole
 * script), started and finished in the same transaction as the script itself.
 */
export async function recordApplied(
  client: pg.ClientBase,
  migration: { readonly id: string; readonly name: string; readonly checksum: string },
): Promise<void> {
  await client.query(
    `INSERT INTO public."_prisma_migrations"
       (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
     VALUES ($1, $2, $3, now(), now(), 1)`,
    [migration.id, migration.checksum, migration.name],
  );
}
