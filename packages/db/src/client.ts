import { PrismaPg } from '@prisma/adapter-pg';
import type pg from 'pg';
import { PrismaClient } from './generated/prisma/client.js';
import { describeQueryCall, interceptingClientClass } from './pgClientInterceptor.js';
import { preparedStatementNames } from './preparedStatementNames.js';

/** One SQL statement as it reached PostgreSQL. */
export interface ObservedQuery {
  readonly sql: string;
  readonly params: readonly unknown[];
  readonly durationMs: number;
  /** Whether PostgreSQL rejected it. */
  readonly failed: boolean;
}

export interface CreatePrismaClientOptions {
  /**
   * Called once for every statement sent to PostgreSQL, `BEGIN`/`COMMIT` included. Tests use it
   * to count statements and catch N+1 queries; services can feed it to a slow-query log.
   * Observed at the node-postgres client, because Prisma's own `query` log event skips the
   * `BEGIN` that adapter-pg issues. Default: none (no overhead).
   */
  readonly onQuery?: (query: ObservedQuery) => void;
  /** Largest number of pooled connections. Default: 10 (node-postgres' default). */
  readonly maxConnections?: number;
}

/**
 * A Prisma client over node-postgres. Prisma 7 ignores `DATABASE_URL` and needs a driver
 * adapter, so every service builds its client here rather than with `new PrismaClient()`.
 * `await prisma.$disconnect()` ends the pool, leaving no open handles behind.
 */
export function createPrismaClient(
  databaseUrl: string,
  options: CreatePrismaClientOptions = {},
): PrismaClient {
  const poolConfig: pg.PoolConfig = { connectionString: databaseUrl };
  if (options.maxConnections !== undefined) poolConfig.max = options.maxConnections;
  const { onQuery } = options;
  if (onQuery) {
    poolConfig.Client = interceptingClientClass(({ args, startedAt, error, result }) => {
      onQuery({
        ...describeQueryCall(args),
        durationMs: performance.now() - startedAt,
        failed: error !== undefined && error !== null,
      });
      return result;
    });
  }
  return new PrismaClient({
    adapter: new PrismaPg(poolConfig, { statementNameGenerator: preparedStatementNames() }),
  });
}
