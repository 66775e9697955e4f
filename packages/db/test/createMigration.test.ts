import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations, migrationsDirectory, schemaPath } from '../src/index.js';
import { createMigration } from '../src/migrations/createMigration.js';
import { createTestDatabase, testServerUrl, type TestDatabase } from '../src/testing.js';

const serverUrl = testServerUrl();
let workspace: string;
beforeAll(async () => {
  workspace = await mkdtemp(path.join(tmpdir(), 'mib-create-migration-'));
  await cp(migrationsDirectory, path.join(workspace, 'migrations'), { recursive: true });
});
afterAll(() => rm(workspace, { recursive: true, force: true }));

/** Shadow databases on the server (other engineers' test databases come and go meanwhile). */
async function shadowDatabases(): Promise<string[]> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return (
      await client.query<{ datname: string }>(
        `SELECT datname FROM pg_database WHERE datname LIKE 'prisma_migrate_shadow_db_%'`,
      )
    ).rows.map((row) => row.datname);
  } finally {
    await client.end();
  }
}

describe('createMigration', () => {
  it('creates nothing when the migrations already describe schema.prisma', async () => {
    const result = await createMigration({
      databaseUrl: serverUrl,
      schemaPath,
      migrationsDirectory: path.join(workspace, 'migrations'),
      name: 'nothing_new',
    });
    expect(result).toEqual({ kind: 'unchanged' });
  });

  it('writes the next migration in Prisma folder format, which then applies cleanly', async () => {
    const editedSchema = path.join(workspace, 'schema.prisma');
    const original = await readFile(schemaPath, 'utf8');
    await writeFile(
      editedSchema,
      original.replace(
        '  rejectReason   String?',
        '  clientOrderId  String?     @map("client_order_id")\n  rejectReason   String?',
      ),
    );
    const before = await shadowDatabases();

    const result = await createMigration({
      databaseUrl: serverUrl,
      schemaPath: editedSchema,
      migrationsDirectory: path.join(workspace, 'migrations'),
      name: 'add_client_order_id',
      now: new Date('2099-01-02T03:04:05Z'),
    });

    expect(result).toMatchObject({
      kind: 'created',
      directory: path.join(workspace, 'migrations', '20990102030405_add_client_order_id'),
    });
    const sql = await readFile(
      path.join(workspace, 'migrations', '20990102030405_add_client_order_id', 'migration.sql'),
      'utf8',
    );
    expect(sql).toMatch(/ALTER TABLE "orders"\."orders" ADD COLUMN\s+"client_order_id" TEXT;/);
    expect(await readdir(path.join(workspace, 'migrations'))).toContain('migration_lock.toml');
    // The shadow database the engine replayed the history in is gone again.
    expect(await shadowDatabases()).toEqual(before);

    await using db: TestDatabase = await createTestDatabase();
    const { applied } = await applyMigrations(db.url, {
      migrationsDirectory: path.join(workspace, 'migrations'),
    });
    expect(applied).toEqual(['20990102030405_add_client_order_id']);
  });
});
