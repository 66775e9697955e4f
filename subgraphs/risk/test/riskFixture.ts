import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@mib/db/testing';
import { EngineClient, startEngine, type RunningEngine } from '@mib/engine';
import { createEvent, InProcessEventBus, type EventOf } from '@mib/events';
import type { RunningService } from '@mib/subgraph-kit';
import { testCallerTokens } from '@mib/subgraph-kit/testing';
import { silentLogger, type Logger } from '@mib/telemetry';
import { riskSubgraph } from '../src/index.js';
import type { SubscriberCount } from '@mib/subgraph-kit';
import { riskRuntimeOf } from '../src/riskRuntime.js';

/** The risk subgraph with its monitor on an in-process bus, and a real engine when asked. */
export interface RiskFixture extends AsyncDisposable {
  readonly db: TestDatabase;
  readonly bus: InProcessEventBus;
  readonly engine: EngineClient;
  readonly subgraph: RunningService;
  /** Open `riskAlerts` subscriptions of the subgraph. */
  readonly subscribers: () => SubscriberCount;
}

/**
 * `logger` (default: silent) is the subgraph's, its risk monitor's included; `seed` writes to the
 * database before the subgraph starts.
 */
export async function startRiskFixture(options: {
  engine: boolean;
  logger?: Logger;
  seed?: (prisma: TestDatabase['prisma']) => Promise<void>;
}): Promise<RiskFixture> {
  const db = await createTestDatabase();
  await options.seed?.(db.prisma);
  const engineServer: RunningEngine | undefined = options.engine
    ? await startEngine({ port: 0, host: '127.0.0.1', shards: 1, heartbeatMs: 0 })
    : undefined;
  // Without a running engine, a client of an address nobody listens on: called only to push
  // stored limits at start, which a test without an engine should not seed.
  const engine = new EngineClient(`127.0.0.1:${engineServer?.port ?? 9}`);
  const bus = new InProcessEventBus({ logger: silentLogger() });
  const subgraph = await riskSubgraph.start(
    db.prisma,
    { port: 0, logger: options.logger ?? silentLogger(), callerTokens: testCallerTokens },
    { events: bus, engine },
  );
  return {
    db,
    bus,
    engine,
    subgraph,
    subscribers: () => {
      const live = riskRuntimeOf(db.prisma, undefined).trading?.liveAlerts;
      if (!live) throw new Error('the subgraph was started without live alerts');
      return live.subscribers;
    },
    async [Symbol.asyncDispose]() {
      await subgraph.stop();
      await bus.close();
      engine.close();
      await engineServer?.close();
      await db[Symbol.asyncDispose]();
    },
  };
}

/** Trade events with increasing sequences per symbol (one engine shard). */
export class TradeTape {
  private readonly sequences = new Map<string, number>();
  private tradeIds = 0;

  trade(
    symbol: string,
    terms: { buyer: string; seller: string; price: string; quantity: string },
  ): EventOf<'trade'> {
    const sequence = (this.sequences.get(symbol) ?? 0) + 1;
    this.sequences.set(symbol, sequence);
    return createEvent(
      'trade',
      {
        tradeId: String(++this.tradeIds),
        symbol,
        price: terms.price,
        quantity: terms.quantity,
        aggressorSide: 'BUY',
        taker: { orderId: randomUUID(), accountId: terms.buyer },
        maker: { orderId: randomUUID(), accountId: terms.seller },
      },
      { source: 'engine', shard: 0, sequence, occurredAt: new Date(Date.UTC(2026, 10, 24, 9, 0, sequence)) },
    );
  }
}
