/**
 * Disposable subgraphs for tests: started on a free port with the test caller tokens, alone or
 * over a migrated test database of their own.
 */
import { testCallerTokens } from '@mib/auth/testing';
import type { PrismaClient } from '@mib/db';
import { createTestDatabase, type TestDatabase } from '@mib/db/testing';
import { silentLogger } from '@mib/telemetry';
import type { DatabaseSubgraph } from './databaseSubgraph.js';
import type { PlatformServices } from './platformServices.js';
import type { RunningService } from './startSubgraph.js';

/** Starts a subgraph on a free port for one test file; `await using` stops it. */
export async function startSubgraphForTest(
  subgraph: DatabaseSubgraph,
  prisma: PrismaClient,
  services?: PlatformServices,
): Promise<RunningService & AsyncDisposable> {
  const service = await subgraph.start(
    prisma,
    { port: 0, logger: silentLogger(), callerTokens: testCallerTokens },
    services,
  );
  return Object.assign(service, { [Symbol.asyncDispose]: () => service.stop() });
}

/** A subgraph over a seeded test database of its own; disposing it stops both. */
export interface SubgraphFixture<Seeded> extends AsyncDisposable {
  readonly db: TestDatabase;
  readonly subgraph: RunningService;
  /** The subgraph's GraphQL endpoint. */
  readonly url: string;
  /** What `seed` returned. */
  readonly seeded: Seeded;
  /**
   * With `recordStatements`, every SQL statement sent since the subgraph started or since the
   * last `forgetStatements()`, in order; otherwise always empty.
   */
  readonly statements: readonly string[];
  forgetStatements(): void;
}

export interface SubgraphFixtureOptions<Seeded> {
  /** Writes the test file's data before the subgraph starts; what it returns is `seeded`. */
  readonly seed: (prisma: PrismaClient) => Promise<Seeded>;
  /** Keep the SQL statements sent, for tests that count round trips (N+1 checks). Default: false. */
  readonly recordStatements?: boolean;
}

/**
 * Creates a test database, seeds it and starts `subgraph` over it, for one test file:
 *
 * ```ts
 * let fixture: SubgraphFixture<SeededOrders>;
 * beforeAll(async () => {
 *   fixture = await startSubgraphFixture(ordersSubgraph, { seed: seedOrders });
 * });
 * afterAll(() => fixture[Symbol.asyncDispose]());
 * ```
 */
export async function startSubgraphFixture<Seeded>(
  subgraph: DatabaseSubgraph,
  options: SubgraphFixtureOptions<Seeded>,
): Promise<SubgraphFixture<Seeded>> {
  let statements: string[] = [];
  const db = await createTestDatabase(
    options.recordStatements ? { onQuery: (query) => statements.push(query.sql) } : {},
  );
  try {
    const seeded = await options.seed(db.prisma);
    const service = await startSubgraphForTest(subgraph, db.prisma);
    statements = [];
    return {
      db,
      subgraph: service,
      url: service.url,
      seeded,
      get statements() {
        return statements;
      },
      forgetStatements() {
        statements = [];
      },
      async [Symbol.asyncDispose]() {
        await service[Symbol.asyncDispose]();
        await db[Symbol.asyncDispose]();
      },
    };
  } catch (error) {
    await db[Symbol.asyncDispose]();
    throw error;
  }
}
