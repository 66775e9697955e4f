import pg from 'pg';

/** The domain schemas of schema.prisma; `public` only holds the migrations ledger. */
export const DOMAIN_SCHEMAS = ['users', 'market', 'orders', 'portfolio', 'risk'];

export interface ColumnFacts {
  readonly type: string;
  readonly nullable: boolean;
  readonly default: string | null;
}

/**
 * What PostgreSQL itself says the domain schemas contain, keyed by qualified name: every
 * column with its exact type, nullability and default, every index and constraint with its
 * definition, every enum with its labels in order. Two databases with equal snapshots are
 * the same schema, whatever produced them.
 */
export interface CatalogSnapshot {
  readonly columns: Record<string, ColumnFacts>;
  readonly indexes: Record<string, string>;
  readonly constraints: Record<string, string>;
  readonly enums: Record<string, readonly string[]>;
  /** Per index: its table (`schema.table`), kind and key columns in order. */
  readonly indexShapes: Record<string, IndexShape>;
}

export interface IndexShape {
  readonly table: string;
  readonly unique: boolean;
  readonly primary: boolean;
  readonly columns: readonly string[];
}

export async function catalogSnapshot(databaseUrl: string): Promise<CatalogSnapshot> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const columns = await client.query<{
      key: string;
      type: string;
      nullable: boolean;
      default: string | null;
    }>(
      `SELECT n.nspname || '.' || c.relname || '.' || a.attname AS key,
              format_type(a.atttypid, a.atttypmod) AS type,
              NOT a.attnotnull AS nullable,
              pg_get_expr(d.adbin, d.adrelid) AS default
         FROM pg_attribute a
         JOIN pg_class c ON c.oid = a.attrelid AND c.relkind = 'r'
         JOIN pg_namespace n ON n.oid = c.relnamespace
         LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE n.nspname = ANY($1) AND a.attnum > 0 AND NOT a.attisdropped`,
      [DOMAIN_SCHEMAS],
    );
    const indexes = await client.query<{ key: string; definition: string }>(
      `SELECT schemaname || '.' || indexname AS key, indexdef AS definition
         FROM pg_indexes WHERE schemaname = ANY($1)`,
      [DOMAIN_SCHEMAS],
    );
    const constraints = await client.query<{ key: string; definition: string }>(
      `SELECT n.nspname || '.' || c.relname || '.' || k.conname AS key,
              k.contype::text || ' ' || pg_get_constraintdef(k.oid) AS definition
         FROM pg_constraint k
         JOIN pg_class c ON c.oid = k.conrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = ANY($1)`,
      [DOMAIN_SCHEMAS],
    );
    const enums = await client.query<{ key: string; labels: string[] }>(
      `SELECT n.nspname || '.' || t.typname AS key, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
         FROM pg_type t
         JOIN pg_enum e ON e.enumtypid = t.oid
         JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE n.nspname = ANY($1)
        GROUP BY 1`,
      [DOMAIN_SCHEMAS],
    );
    const indexShapes = await client.query<{ key: string } & IndexShape>(
      `SELECT n.nspname || '.' || ic.relname AS key, n.nspname || '.' || tc.relname AS "table",
              i.indisunique AS unique, i.indisprimary AS primary,
              array_agg(a.attname::text ORDER BY k.position) AS columns
         FROM pg_index i
         JOIN pg_class ic ON ic.oid = i.indexrelid
         JOIN pg_class tc ON tc.oid = i.indrelid
         JOIN pg_namespace n ON n.oid = tc.relnamespace
         CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, position)
         JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
        WHERE n.nspname = ANY($1)
        GROUP BY 1, 2, 3, 4`,
      [DOMAIN_SCHEMAS],
    );
    return {
      indexShapes: Object.fromEntries(indexShapes.rows.map(({ key, ...shape }) => [key, shape])),
      columns: Object.fromEntries(columns.rows.map(({ key, ...facts }) => [key, facts])),
      indexes: Object.fromEntries(indexes.rows.map((row) => [row.key, row.definition])),
      constraints: Object.fromEntries(constraints.rows.map((row) => [row.key, row.definition])),
      enums: Object.fromEntries(enums.rows.map((row) => [row.key, row.labels])),
    };
  } finally {
    await client.end();
  }
}
