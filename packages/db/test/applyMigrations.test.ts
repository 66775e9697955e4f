import { mkdtemp, cp, appendFile, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations, MigrationHistoryError, migrationsDirectory, schemaPath } from '../src/index.js';
import { readMigrationFiles } from '../src/migrations/migrationFiles.js';
import { databaseUrlFor, testServerUrl } from '../src/testing.js';
import { readPrismaSchema } from './support/prismaSchemaModel.js';

const serverUrl = testServerUrl();
const database = `mib_test_apply_${process.pid}_${Date.now().toString(36)}`;
const url = databaseUrlFor(serverUrl, database);

async function sql<T extends pg.QueryResultRow>(connectionString: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

beforeAll(() => sql(serverUrl, `CREATE DATABASE "${database}"`));
afterAll(() => sql(serverUrl, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`));

describe('applyMigrations', () => {
  it('applies every migration once, even when two processes start at the same time', async () => {
    const [first, second] = await Promise.all([applyMigrations(url), applyMigrations(url)]);
    const names = (await readMigrationFiles(migrationsDirectory)).map((migration) => migration.name);

    expect([...first.applied, ...second.applied]).toEqual(names);
    expect((await applyMigrations(url)).applied).toEqual([]);
  });

  it('records each migration in the standard Prisma ledger with its sha256 checksum', async () => {
    const files = await readMigrationFiles(migrationsDirectory);
    const rows = await sql<{ migration_name: string; checksum: string; applied_steps_count: number }>(
      url,
      `SELECT migration_name, checksum, applied_steps_count, finished_at FROM public."_prisma_migrations"
        WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
    );
    expect(
      rows.map(({ migration_name, checksum, applied_steps_count }) => ({
        migration_name,
        checksum,
        applied_steps_count,
      })),
    ).toEqual(
      files.map((file) => ({ migration_name: file.name, checksum: file.checksum, applied_steps_count: 1 })),
    );
  });

  it('creates the tables of every domain schema', async () => {
    const tables = await sql<{ name: string }>(
      url,
      `SELECT table_schema || '.' || table_name AS name FROM information_schema.tables
        WHERE table_schema IN ('users','market','orders','portfolio','risk') ORDER BY 1`,
    );
    // Every model of schema.prisma, and nothing else.
    const { models } = readPrismaSchema(await readFile(schemaPath, 'utf8'));
    const expected = models.map((model) => model.table).sort();
    expect(tables.map((table) => table.name)).toEqual(expected);
    expect(expected).toContain('users.users');
  });

  it('refuses to run when an applied migration was edited', async () => {
    const edited = await mkdtemp(path.join(tmpdir(), 'mib-migrations-'));
    try {
      await cp(migrationsDirectory, edited, { recursive: true });
      const [first] = await readMigrationFiles(edited);
      await appendFile(path.join(edited, first!.name, 'migration.sql'), '\n-- edited\n');

      const attempt = applyMigrations(url, { migrationsDirectory: edited });
      await expect(attempt).rejects.toBeInstanceOf(MigrationHistoryError);
      await expect(attempt).rejects.toThrow(/was modified after it was applied/);
    } finally {
      await rm(edited, { recursive: true, force: true });
    }
  });

  it('rolls back a failing migration entirely and records nothing', async () => {
    const broken = await mkdtemp(path.join(tmpdir(), 'mib-migrations-'));
    try {
      await cp(migrationsDirectory, broken, { recursive: true });
      const { mkdir, writeFile } = await import('node:fs/promises');
      await mkdir(path.join(broken, '99990101000000_broken'));
      await writeFile(
        path.join(broken, '99990101000000_broken', 'migration.sql'),
        'CREATE TABLE public.half_done (id int);\nSELECT * FROM no_such_table;\n',
      );

      await expect(applyMigrations(url, { migrationsDirectory: broken })).rejects.toThrow(
        /99990101000000_broken failed/,
      );
      expect(
        await sql(url, `SELECT 1 FROM information_schema.tables WHERE table_name = 'half_done'`),
      ).toEqual([]);
      expect(
        await sql(
          url,
          `SELECT 1 FROM public."_prisma_migrations" WHERE migration_name = '99990101000000_broken'`,
        ),
      ).toEqual([]);
    } finally {
      await rm(broken, { recursive: true, force: true });
    }
  });
});
