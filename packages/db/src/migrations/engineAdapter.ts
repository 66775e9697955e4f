import { randomUUID } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import pg from 'pg';
import { interceptingClientClass } from '../pgClientInterceptor.js';

/** PostgreSQL's one-byte `"char"` type, found in the catalogs the engine introspects. */
const CHAR_OID = 18;
const TEXT_OID = 25;

/**
 * adapter-pg 7.10.1 has no mapping for `"char"` and fails the whole introspection query on it.
 * Its values are plain one-character strings, so reporting the column as text is exact.
 */
const CharAsTextClient = interceptingClientClass(({ error, result }) =>
  error ? result : relabelCharColumns(result),
);

function relabelCharColumns(result: unknown): unknown {
  for (const set of Array.isArray(result) ? result : [result]) {
    for (const field of (set as pg.QueryResult | undefined)?.fields ?? []) {
      if (field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
    }
  }
  return result;
}

/**
 * adapter-pg splits scripts on `;`, which breaks `$$` function bodies and string literals.
 * A query without parameters goes through PostgreSQL's simple protocol, which runs a
 * multi-statement script as sent.
 */
function withWholeScripts(adapter: SqlDriverAdapter, release?: () => Promise<void>): SqlDriverAdapter {
  return Object.assign(Object.create(adapter) as SqlDriverAdapter, {
    executeScript: async (script: string) => {
      await adapter.executeRaw({ sql: script, args: [], argTypes: [] });
    },
    dispose: async () => {
      await adapter.dispose();
      await release?.();
    },
  });
}

function connectionConfig(databaseUrl: string): pg.PoolConfig {
  const url = new URL(databaseUrl);
  // Separate fields rather than a connection string: adapter-pg's shadow pool spreads the config
  // and overrides `database`, which a connection string would silently win over.
  return {
    host: decodeURIComponent(url.hostname),
    port: url.port ? Number(url.port) : 5432,
    user: decodeURIComponent(url.username) || 'postgres',
    password: decodeURIComponent(url.password),
    database: decodeURIComponent(url.pathname.slice(1)) || 'postgres',
    max: 2,
    Client: CharAsTextClient,
  };
}

export interface EngineAdapter {
  readonly factory: ReturnType<typeof bindMigrationAwareSqlAdapterFactory>;
  /** Closes every pool the engine opened and did not release (it never disposes its main one). */
  disposeAll(): Promise<void>;
}

/**
 * A driver adapter for `@prisma/schema-engine-wasm` over node-postgres, with the adapter-pg
 * 7.10.1 defects on the migration path worked around (see /work/shared/FACTS.md): `"char"`
 * columns, `;`-split scripts, a shadow pool that followed the connection string to the main
 * database, a shadow database dropped before its pool closed, and pools left open.
 */
export function createEngineAdapter(databaseUrl: string): EngineAdapter {
  const config = connectionConfig(databaseUrl);
  const open = new Set<SqlDriverAdapter>();
  const track = (adapter: SqlDriverAdapter): SqlDriverAdapter => {
    open.add(adapter);
    const dispose = adapter.dispose.bind(adapter);
    return Object.assign(adapter, {
      dispose: async () => {
        open.delete(adapter);
        await dispose();
      },
    });
  };
  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: 'postgres',
    adapterName: '@prisma/adapter-pg',
    connect: async () => track(withWholeScripts(await new PrismaPg(config).connect())),
    connectToShadowDb: async () => {
      const shadowDatabase = `prisma_migrate_shadow_db_${randomUUID().replaceAll('-', '')}`;
      await runOnMaintenanceDatabase(config, `CREATE DATABASE "${shadowDatabase}"`);
      const shadow = await new PrismaPg({ ...config, database: shadowDatabase }).connect();
      return track(
        withWholeScripts(shadow, () =>
          runOnMaintenanceDatabase(config, `DROP DATABASE IF EXISTS "${shadowDatabase}" WITH (FORCE)`),
        ),
      );
    },
  };
  return {
    factory: bindMigrationAwareSqlAdapterFactory(factory),
    disposeAll: async () => {
      await Promise.all([...open].map((adapter) => adapter.dispose()));
    },
  };
}

async function runOnMaintenanceDatabase(config: pg.PoolConfig, sql: string): Promise<void> {
  const { host, port, user, password, database } = config;
  const client = new pg.Client({ host, port, user, password, database });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
