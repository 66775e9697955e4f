/**
 * The market read model fed as the bus's consumer feeds it (`consumeIntoReadModel`), over a test
 * database of its own with the instruments the events name.
 */
import type { PrismaClient } from '@mib/db';
import { createTestDatabase, type TestDatabase } from '@mib/db/testing';
import type { TradingEvent } from '@mib/events';
import { applyOnce } from '@mib/subgraph-kit';
import { silentLogger } from '@mib/telemetry';
import { marketDataReadModel } from '../src/data/marketReadModel.js';

const readModel = marketDataReadModel(silentLogger());

/** Hands events to the read model one by one; for each, whether it was applied (false: seen before). */
export async function deliver(prisma: PrismaClient, events: readonly TradingEvent[]): Promise<boolean[]> {
  const applied: boolean[] = [];
  for (const event of events) {
    applied.push(await applyOnce(prisma, readModel, event, (tx) => readModel.apply(event, tx)));
  }
  return applied;
}

/** A migrated test database with `symbols` listed as USD equities; `await using` drops it. */
export async function listedDatabase(symbols: readonly string[]): Promise<TestDatabase> {
  const db = await createTestDatabase();
  for (const symbol of symbols) {
    await db.prisma.instrument.create({
      data: { symbol, name: symbol, assetClass: 'EQUITY', currency: 'USD', tickSize: '0.01', lotSize: '1' },
    });
  }
  return db;
}
