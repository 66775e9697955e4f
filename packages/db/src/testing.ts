import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createPrismaClient, type CreatePrismaClientOptions } from './client.js';
import type { PrismaClient } from './generated/prisma/client.js';
import { applyMigrations } from './migrations/applyMigrations.js';

/** Where test databases are created unless `TEST_DATABASE_URL` says otherwise. */
export const defaultTestServerUrl = 'postgresql://postgres@127.0.0.1:5432/postgres';

/** The server tests create their databases on: `TEST_DATABASE_URL`, else the local PostgreSQL. */
export const testServerUrl = (): string => process.env['TEST_DATABASE_URL'] ?? defaultTestServerUrl;

/** A migrated, empty database of its own for one test file; `await using` drops it. */
export interface TestDatabase extends AsyncDisposable {
  /** Connection string of the new database, for services started by the test. */
  readonly url: string;
  readonly prisma: PrismaClient;
}

export interface CreateTestDatabaseOptions extends CreatePrismaClientOptions {
  /** A URL on the server to create the database on. Default: `TEST_DATABASE_URL`, then the local server. */
  readonly serverUrl?: string;
}

/**
 * Creates a uniquely named database, applies every migration and connects a Prisma client.
 * Tests never share state, and parallel runs (several engineers, CI) never collide: each
 * database is dropped with `WITH (FORCE)` on dispose, even if a test left connections open.
 *
 * ```ts
 * await using db = await createTestDatabase();
 * await db.prisma.user.create({ data: { ... } });
 * ```
 */
export async function createTestDatabase(options: CreateTestDatabaseOptions = {}): Promise<TestDatabase> {
  const { serverUrl = testServerUrl(), ...clientOptions } = options;
  const name = `mib_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await runOnServer(serverUrl, `CREATE DATABASE "${name}"`);
  const url = databaseUrlFor(serverUrl, name);
  try {
    await applyMigrations(url);
  } catch (error) {
    await runOnServer(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    throw error;
  }
  const prisma = createPrismaClient(url, clientOptions);
  return {
    url,
    prisma,
    async [Symbol.asyncDispose]() {
      await prisma.$disconnect();
      await runOnServer(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

/** The same server and credentials, another database. */
export function databaseUrlFor(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

async function runOnServer(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
