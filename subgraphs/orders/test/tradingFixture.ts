import { testCallerTokens } from '@mib/auth/testing';
import { seedDemoData } from '@mib/db';
import { createTestDatabase, type TestDatabase } from '@mib/db/testing';
import { EngineClient, startEngine, type RunningEngine } from '@mib/engine';
import { InProcessEventBus, type RetryPolicy } from '@mib/events';
import type { RunningService } from '@mib/subgraph-kit';
import { silentLogger } from '@mib/telemetry';
import { recordLogs } from '@mib/telemetry/testing';
import { ordersSubgraph } from '../src/index.js';

/** The orders subgraph over a seeded database, with a real engine and an in-process bus. */
export interface TradingFixture extends AsyncDisposable {
  readonly db: TestDatabase;
  readonly engine: EngineClient;
  readonly events: InProcessEventBus;
  readonly subgraph: RunningService;
  /** What the subgraph logged at info level and above, as parsed JSON lines, oldest first. */
  readonly logged: readonly Record<string, unknown>[];
}

export interface TradingFixtureOptions {
  /**
   * Whether the engine publishes its events on the bus, so the read model records fills as in
   * production. Default false: tests that publish events of their own keep the bus to themselves.
   */
  readonly engineEvents?: boolean;
  /** The bus's backoff for a failed delivery (default the bus's own). */
  readonly busRetry?: RetryPolicy;
}

export async function startTradingFixture({
  engineEvents = false,
  busRetry,
}: TradingFixtureOptions = {}): Promise<TradingFixture> {
  const db = await createTestDatabase();
  await seedDemoData(db.prisma);
  const events = new InProcessEventBus({ logger: silentLogger(), ...(busRetry ? { retry: busRetry } : {}) });
  const engineServer: RunningEngine = await startEngine({
    port: 0,
    host: '127.0.0.1',
    shards: 1,
    heartbeatMs: 0,
    ...(engineEvents ? { eventBus: events } : {}),
  });
  const engine = new EngineClient(`127.0.0.1:${engineServer.port}`);
  const { logger, lines: logged } = recordLogs('orders');
  const subgraph = await ordersSubgraph.start(
    db.prisma,
    { port: 0, logger, callerTokens: testCallerTokens },
    { engine, events },
  );
  return {
    db,
    engine,
    events,
    subgraph,
    logged,
    async [Symbol.asyncDispose]() {
      await subgraph.stop();
      engine.close();
      // The engine may still be publishing: the bus closes after it.
      await engineServer.close();
      await events.close();
      await db[Symbol.asyncDispose]();
    },
  };
}
