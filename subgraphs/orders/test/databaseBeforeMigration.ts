import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { applyMigrations, createPrismaClient, migrationsDirectory, type PrismaClient } from '@mib/db';
import { databaseUrlFor, testServerUrl } from '@mib/db/testing';

/** A scratch database at the schema just before one migration, to test what it does to rows. */
export interface DatabaseBeforeMigration {
  /** The scratch database's client (the generated client knows the newest schema: use raw SQL before `migrate`). */
  readonly db: () => PrismaClient;
  /** Applies the migration under test (and only it); returns the names applied. */
  migrate(): Promise<readonly string[]>;
}

/**
 * Registers `beforeAll`/`afterAll` hooks that create a database, apply every migration before
 * the one whose name matches `migration`, and drop it all afterwards.
 */
export function databaseBeforeMigration(migration: RegExp, label: string): DatabaseBeforeMigration {
  const serverUrl = testServerUrl();
  const database = `mib_test_${label}_${process.pid}_${Date.now().toString(36)}`;
  const url = databaseUrlFor(serverUrl, database);
  let admin: PrismaClient;
  let client: PrismaClient;
  let before: string;

  beforeAll(async () => {
    admin = createPrismaClient(serverUrl);
    await admin.$executeRawUnsafe(`CREATE DATABASE "${database}"`);
    before = await mkdtemp(path.join(tmpdir(), 'mib-migrations-'));
    const names = (await readdir(migrationsDirectory)).sort();
    const cut = names.findIndex((name) => migration.test(name));
    for (const name of names.slice(0, cut))
      await cp(path.join(migrationsDirectory, name), path.join(before, name), { recursive: true });
    await applyMigrations(url, { migrationsDirectory: before });
    client = createPrismaClient(url);
  });
  afterAll(async () => {
    await client.$disconnect();
    await admin.$executeRawUnsafe(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.$disconnect();
    await rm(before, { recursive: true, force: true });
  });

  return {
    db: () => client,
    migrate: async () => {
      // Everything up to and including the migration under test, nothing after it.
      const upTo = await mkdtemp(path.join(tmpdir(), 'mib-migrations-'));
      try {
        const names = (await readdir(migrationsDirectory)).sort();
        const cut = names.findIndex((name) => migration.test(name));
        for (const name of names.slice(0, cut + 1))
          await cp(path.join(migrationsDirectory, name), path.join(upTo, name), { recursive: true });
        return (await applyMigrations(url, { migrationsDirectory: upTo })).applied;
      } finally {
        await rm(upTo, { recursive: true, force: true });
      }
    },
  };
}
