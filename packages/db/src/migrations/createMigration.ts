import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { migrationLockFileName } from './migrationFiles.js';
import { loadMigrationList, migrationLockContent } from './migrationList.js';
import { noFilter, withSchemaEngine } from './schemaEngine.js';

export interface CreateMigrationOptions {
  /** A PostgreSQL server the engine may create (and drop) a scratch shadow database on. */
  readonly databaseUrl: string;
  readonly schemaPath: string;
  readonly migrationsDirectory: string;
  /** Snake-case words, e.g. `add_order_tags`; the folder becomes `<timestamp>_<name>`. */
  readonly name: string;
  /** Injected by tests; the folder's timestamp. Default: now. */
  readonly now?: Date;
}

export type CreateMigrationResult =
  | { readonly kind: 'created'; readonly directory: string; readonly sql: string }
  | { readonly kind: 'unchanged' };

/** The engine's diff exit code when the two sides differ (as `prisma migrate diff --exit-code`). */
const DIFF_NOT_EMPTY = 2;

/**
 * Writes the migration that takes a database from the state the existing migrations produce to
 * the state `schema.prisma` describes, as `prisma migrate dev --create-only` would.
 *
 * The CLI's command needs the native engine, which this machine cannot download. The wasm
 * engine's own `createMigration` refuses adapter-provided shadow databases ("PostgreSQL shadow
 * DB must be provided through an external factory"), but its `diff` from the migrations folder
 * replays them in a shadow database and yields the same script; the folder is named here.
 */
export async function createMigration(options: CreateMigrationOptions): Promise<CreateMigrationResult> {
  const schema = await readFile(options.schemaPath, 'utf8');
  const migrationsList = await loadMigrationList(options.migrationsDirectory);
  const lockContent = migrationsList.lockfile.content ?? migrationLockContent;
  const files = [{ path: options.schemaPath, content: schema }];
  const diff = await withSchemaEngine(options.databaseUrl, [[options.schemaPath, schema]], ({ engine }) =>
    engine.diff({
      // The engine reads the provider from the lock file, so a first migration needs one too.
      from: {
        tag: 'migrations',
        ...migrationsList,
        lockfile: { ...migrationsList.lockfile, content: lockContent },
      },
      to: { tag: 'schemaDatamodel', files },
      script: true,
      exitCode: true,
      filters: noFilter,
    }),
  );
  if (diff.exitCode !== DIFF_NOT_EMPTY || !diff.stdout) return { kind: 'unchanged' };

  const directory = path.join(
    options.migrationsDirectory,
    `${timestamp(options.now ?? new Date())}_${options.name}`,
  );
  await mkdir(directory, { recursive: true });
  await writeFile(path.join(directory, 'migration.sql'), diff.stdout);
  if (migrationsList.lockfile.content === null) {
    await writeFile(path.join(options.migrationsDirectory, migrationLockFileName), migrationLockContent);
  }
  return { kind: 'created', directory, sql: diff.stdout };
}

/** Prisma's folder prefix: the UTC time as `YYYYMMDDHHMMSS`. */
function timestamp(date: Date): string {
  return date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}
