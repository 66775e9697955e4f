import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsDirectory, schemaPath } from '../src/index.js';
import { loadMigrationList } from '../src/migrations/migrationList.js';
import { noFilter, withSchemaEngine } from '../src/migrations/schemaEngine.js';
import { diffDatabaseAgainstSchema } from '../src/migrations/schemaDrift.js';
import { createTestDatabase, databaseUrlFor, testServerUrl, type TestDatabase } from '../src/testing.js';
import { catalogSnapshot, type CatalogSnapshot } from './support/catalogSnapshot.js';
import { expectedColumnType, readPrismaSchema } from './support/prismaSchemaModel.js';

const serverUrl = testServerUrl();
const schema = { path: schemaPath, content: await readFile(schemaPath, 'utf8') };
const pushedDatabase = `mib_test_pushed_${process.pid}_${Date.now().toString(36)}`;

let migrated: TestDatabase;
let migratedCatalog: CatalogSnapshot;

async function runSql(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  migrated = await createTestDatabase();
  migratedCatalog = await catalogSnapshot(migrated.url);
});
afterAll(async () => {
  await migrated[Symbol.asyncDispose]();
  await runSql(serverUrl, `DROP DATABASE IF EXISTS "${pushedDatabase}" WITH (FORCE)`);
});

describe('schema.prisma and the migrations', () => {
  it('leave nothing for the schema engine to change in the migrated database', async () => {
    const drift = await diffDatabaseAgainstSchema(migrated.url, schema);
    expect(drift.script).toBe('');
    expect(drift.inSync).toBe(true);
  });

  it('would be reported out of sync if schema.prisma changed (the check is not vacuous)', async () => {
    const edited = schema.content
      .replace('rejectReason   String?', 'rejectReason   String')
      .replace('@@index([instrumentId, status])', '@@index([instrumentId, status])\n  @@index([status])');
    const drift = await diffDatabaseAgainstSchema(migrated.url, { ...schema, content: edited });
    expect(drift.inSync).toBe(false);
    expect(drift.script).toMatch(/ALTER COLUMN "reject_reason" SET NOT NULL/);
    expect(drift.script).toMatch(/CREATE INDEX "orders_status_idx"/);
  });

  it('fails loudly, never "in sync", when the diff cannot be computed', async () => {
    const broken = {
      ...schema,
      content: schema.content.replace('model Order {', 'model Order {\n  oops Strin'),
    };
    await expect(diffDatabaseAgainstSchema(migrated.url, broken)).rejects.toThrow(/Strin/);
  });

  it('are recorded so that the schema engine (prisma migrate) sees a clean, complete history', async () => {
    const migrationsList = await loadMigrationList(migrationsDirectory);
    const diagnosis = await withSchemaEngine(migrated.url, [[schema.path, schema.content]], ({ engine }) =>
      engine.diagnoseMigrationHistory({ migrationsList, optInToShadowDatabase: false, filters: noFilter }),
    );
    expect(diagnosis).toMatchObject({
      hasMigrationsTable: true,
      history: null,
      editedMigrationNames: [],
      failedMigrationNames: [],
    });
  });

  it('give every model, field, type, nullability, unique and index of schema.prisma its database object', () => {
    const { models, enums } = readPrismaSchema(schema.content);
    // The parser must see every model block, or the checks below would pass vacuously.
    expect(models).toHaveLength(schema.content.match(/^model /gm)?.length ?? 0);
    expect(models.length).toBeGreaterThan(0);
    const tablesInDatabase = new Set(
      Object.keys(migratedCatalog.columns).map((key) => key.split('.').slice(0, 2).join('.')),
    );
    expect([...tablesInDatabase].sort()).toEqual(models.map((model) => model.table).sort());

    const indexesOf = (table: string) =>
      Object.values(migratedCatalog.indexShapes).filter((index) => index.table === table);
    for (const model of models) {
      const expectedColumns = Object.fromEntries(
        model.fields.map((field) => [
          `${model.table}.${field.column}`,
          { type: expectedColumnType(field, enums), nullable: field.optional },
        ]),
      );
      const actualColumns = Object.fromEntries(
        Object.entries(migratedCatalog.columns)
          .filter(([key]) => key.startsWith(`${model.table}.`))
          .map(([key, { type, nullable }]) => [key, { type, nullable }]),
      );
      expect(actualColumns, model.name).toEqual(expectedColumns);

      const indexes = indexesOf(model.table);
      expect(
        indexes.filter((index) => index.primary).map((index) => index.columns),
        `${model.name} primary key`,
      ).toEqual([model.primaryKey]);
      expect(
        indexes
          .filter((index) => index.unique && !index.primary)
          .map((index) => index.columns)
          .sort(),
        `${model.name} uniques`,
      ).toEqual([...model.uniques].sort());
      expect(
        indexes
          .filter((index) => !index.unique)
          .map((index) => index.columns)
          .sort(),
        `${model.name} indexes`,
      ).toEqual([...model.indexes].sort());
    }
    for (const enumType of enums) {
      expect(migratedCatalog.enums[`${enumType.schema}.${enumType.name}`], enumType.name).toEqual(
        enumType.values,
      );
    }
  });

  it('produce the same catalog as building schema.prisma directly into an empty database', async () => {
    await runSql(serverUrl, `CREATE DATABASE "${pushedDatabase}"`);
    const pushedUrl = databaseUrlFor(serverUrl, pushedDatabase);
    const { stdout: script } = await withSchemaEngine(
      pushedUrl,
      [[schema.path, schema.content]],
      ({ engine }) =>
        engine.diff({
          from: { tag: 'empty' },
          to: { tag: 'schemaDatamodel', files: [schema] },
          script: true,
          exitCode: null,
          filters: noFilter,
        }),
    );
    expect(script).toMatch(/CREATE TABLE/);
    await runSql(pushedUrl, script!);
    expect(migratedCatalog).toEqual(await catalogSnapshot(pushedUrl));
  });
});
