import path from 'node:path';
import { noFilter, withSchemaEngine } from './schemaEngine.js';

export interface SchemaDrift {
  /** True when the database already has every table, column, index and constraint of the schema. */
  readonly inSync: boolean;
  /** The SQL that would bring the database to the schema; empty when in sync. */
  readonly script: string;
}

/** The engine's diff exit code when the two sides differ (as `prisma migrate diff --exit-code`). */
const DIFF_NOT_EMPTY = 2;

/**
 * Compares the live database at `databaseUrl` with a Prisma schema, as
 * `prisma migrate diff --from-config-datasource --to-schema … --exit-code` does, using the wasm engine.
 * Throws when the engine cannot compute the diff, so a broken check never passes as "in sync".
 */
export async function diffDatabaseAgainstSchema(
  databaseUrl: string,
  schema: { readonly path: string; readonly content: string },
): Promise<SchemaDrift> {
  const result = await withSchemaEngine(databaseUrl, [[schema.path, schema.content]], ({ engine }) =>
    engine.diff({
      // "The database of this schema's datasource": with an adapter, the adapter's database.
      // (The `url` target is refused in Prisma 7: connection strings live in the adapter.)
      from: {
        tag: 'schemaDatasource',
        files: [{ path: schema.path, content: schema.content }],
        configDir: path.dirname(schema.path),
      },
      to: { tag: 'schemaDatamodel', files: [{ path: schema.path, content: schema.content }] },
      script: true,
      exitCode: true,
      filters: noFilter,
    }),
  );
  if (result.exitCode !== 0 && result.exitCode !== DIFF_NOT_EMPTY) {
    throw new Error(`The schema engine could not diff the database (exit code ${result.exitCode}).`);
  }
  const script = result.exitCode === DIFF_NOT_EMPTY ? (result.stdout ?? '') : '';
  return { inSync: result.exitCode === 0, script };
}
