/**
 * The market-data subgraph as it runs in production, on disposable parts: its own PostgreSQL
 * database, an in-process event bus, a real engine on a free port, and the subgraph on a free
 * port with its background consumer and live events.
 */
import type { Instrument } from '@mib/db';
import { createTestDatabase, type TestDatabase } from '@mib/db/testing';
import { EngineClient, startEngine, type RunningEngine } from '@mib/engine';
import { InProcessEventBus } from '@mib/events';
import type { RunningService } from '@mib/subgraph-kit';
import { testCallerTokens } from '@mib/subgraph-kit/testing';
import { silentLogger } from '@mib/telemetry';
import { marketDataSubgraph } from '../src/index.js';
import { liveMarketOn, type LiveMarket } from '../src/live/liveMarket.js';

export interface MarketDataFixture extends AsyncDisposable {
  readonly db: TestDatabase;
  readonly bus: InProcessEventBus;
  readonly engine: EngineClient;
  readonly subgraph: RunningService;
  /** The live events the subgraph's subscriptions read (to wait for subscribers). */
  readonly live: LiveMarket;
  /** The listed instruments, by symbol. */
  readonly instruments: ReadonlyMap<string, Instrument>;
}

/** Lists `symbols` (the engine trades its default instruments), then starts everything. */
export async function startMarketDataFixture(symbols: readonly string[]): Promise<MarketDataFixture> {
  const logger = silentLogger();
  const db = await createTestDatabase();
  const instruments = new Map<string, Instrument>();
  for (const symbol of symbols) {
    const instrument = await db.prisma.instrument.create({
      data: {
        symbol,
        name: `${symbol} test`,
        assetClass: 'EQUITY',
        currency: 'USD',
        tickSize: '0.01',
        lotSize: '1',
      },
    });
    instruments.set(symbol, instrument);
  }
  const bus = new InProcessEventBus({ logger, retry: { initialDelayMs: 5, maxDelayMs: 20 } });
  let running: RunningEngine | undefined;
  let engine: EngineClient | undefined;
  try {
    running = await startEngine({ port: 0, host: '127.0.0.1', shards: 1, heartbeatMs: 0 });
    engine = new EngineClient(`127.0.0.1:${running.port}`);
    const subgraph = await marketDataSubgraph.start(
      db.prisma,
      { port: 0, logger, callerTokens: testCallerTokens },
      { events: bus, engine },
    );
    const client = engine;
    const server = running;
    return {
      db,
      bus,
      engine: client,
      subgraph,
      live: liveMarketOn(bus),
      instruments,
      async [Symbol.asyncDispose]() {
        await subgraph.stop();
        await bus.close();
        client.close();
        await server.close();
        await db[Symbol.asyncDispose]();
      },
    };
  } catch (error) {
    engine?.close();
    await running?.close();
    await bus.close();
    await db[Symbol.asyncDispose]();
    throw error;
  }
}
