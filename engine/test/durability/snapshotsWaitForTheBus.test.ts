/**
 * Acknowledged data is never lost, also downstream: a snapshot must not make events the bus never
 * confirmed unrecoverable. The bus is behind, a snapshot is taken, the engine dies without
 * draining its publisher and restarts on the same journal: every event reaches the bus.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InProcessEventBus, type EventBus, type TradingEvent } from '@mib/events';
import { pino } from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EventType, OrderType, Side, StpMode } from '../../src/core/index.js';
import { startEngine, type InstrumentSpec } from '../../src/index.js';
import { EngineDurability } from '../../src/journal/engineDurability.js';
import { EventPublisher } from '../../src/publishing/eventPublisher.js';
import { ShardedEngine } from '../../src/shard/shardedEngine.js';
import { PublishedEvents } from '../publishing/publishedEvents.js';

const logger = pino({ level: 'silent' });
const INSTRUMENTS: readonly InstrumentSpec[] = [{ symbol: 'AAPL', tickSize: '0.01', lotSize: '1' }];
/** Snapshot requests go with the 3rd and 6th order below: two snapshots, the newest after order 5. */
const SNAPSHOT_EVERY = 3;
const ORDERS = 8;

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function journalDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mib-bus-behind-'));
  dirs.push(dir);
  return dir;
}

const snapshotFiles = (dir: string): string[] =>
  readdirSync(join(dir, 'shard-0')).filter((name) => name.endsWith('.snapshot'));

/** A bus that is behind: it holds every batch until `release()`. */
class PausedBus implements Pick<EventBus, 'publish'> {
  readonly delivered: TradingEvent[] = [];
  private held: (() => void)[] = [];
  private paused = true;

  publish(events: readonly TradingEvent[]): Promise<void> {
    const deliver = (): void => void this.delivered.push(...events);
    if (!this.paused) return Promise.resolve(deliver());
    return new Promise((resolve) => this.held.push(() => resolve(deliver())));
  }

  release(): void {
    this.paused = false;
    for (const deliver of this.held.splice(0)) deliver();
  }
}

/**
 * One shard wired as `startEngine` wires it (journal hooks, then the publisher, then resume), so
 * the test can see the worker's snapshots and crash it: stop the workers and release the journal
 * without draining the publisher, as a killed process would.
 */
async function startBehindTheBus(dir: string, bus: PausedBus) {
  const durability = await EngineDurability.open({ dir, snapshotEvery: SNAPSHOT_EVERY }, 1, logger);
  const hooks = durability.hooks((error) => {
    throw error;
  });
  let snapshotsTaken = 0;
  let wake = (): void => undefined;
  const engine = await ShardedEngine.start({
    ...hooks,
    onSnapshot: (shard, snapshot) => {
      hooks.onSnapshot(shard, snapshot);
      snapshotsTaken++;
      wake();
    },
    instruments: INSTRUMENTS,
    shards: 1,
    waitStrategy: 'idle',
    logger,
    heartbeatMs: 0,
  });
  const produced: { sequence: number; type: number }[] = [];
  engine.subscribe(new Map([[0, 1]]), { symbolIds: new Set(), accountIds: new Set(), types: new Set() }, (_shard, slots, at) =>
    produced.push({ type: slots[at]!, sequence: slots[at + 1]! }),
  );
  const publisher = new EventPublisher(engine, { bus, logger });
  durability.resume(engine, publisher);
  return {
    engine,
    publisher,
    durability,
    produced,
    snapshotsTaken: (count: number): Promise<void> =>
      new Promise((resolve) => {
        wake = () => snapshotsTaken >= count && resolve();
        wake();
      }),
    async crash(): Promise<void> {
      await engine.stop();
      // A snapshot write the durability started has begun with a sync; closing syncs after it,
      // so once this resolves the journal directory is what a crash would leave.
      await durability.close();
    },
  };
}

async function submitRestingBids(engine: ShardedEngine): Promise<number[]> {
  const orderIds: number[] = [];
  for (let i = 0; i < ORDERS; i++) {
    const outcome = await engine.submitOrder({
      symbol: 'AAPL',
      accountId: `account-${i % 3}`,
      side: Side.BUY,
      orderType: OrderType.LIMIT,
      price: (100 + i) * 1e8,
      quantity: 1e8,
      stpMode: StpMode.NONE,
    });
    expect(outcome.lastEventType).toBe(EventType.ORDER_ACCEPTED);
    orderIds.push(outcome.orderId);
  }
  return orderIds;
}

describe('snapshots while the event bus is behind', { timeout: 30_000 }, () => {
  it('re-publishes after a crash every event the bus never had, also those a snapshot covers', async () => {
    const dir = journalDir();
    const behind = new PausedBus();
    const first = await startBehindTheBus(dir, behind);
    const orderIds = await submitRestingBids(first.engine);
    await first.snapshotsTaken(2);
    await first.crash();
    expect(behind.delivered).toEqual([]);
    const expected = first.produced
      .filter((event) => event.type === EventType.ORDER_ACCEPTED || event.type === EventType.QUOTE)
      .map((event) => event.sequence);
    expect(expected.length).toBeGreaterThanOrEqual(2 * ORDERS);

    const bus = new InProcessEventBus({ logger });
    const published = new PublishedEvents();
    await published.subscribe(bus);
    try {
      const restarted = await startEngine({
        port: 0,
        host: '127.0.0.1',
        shards: 1,
        instruments: INSTRUMENTS,
        heartbeatMs: 0,
        journalDir: dir,
        snapshotEvery: SNAPSHOT_EVERY,
        eventBus: bus,
      });
      // Closing stops the workers after the replayed journal ran and publishes what it produced.
      await restarted.close();
      const sequences = (events: readonly TradingEvent[]): Set<number> => new Set(events.map((event) => event.sequence));
      await published
        .until((events) => expected.every((sequence) => sequences(events).has(sequence)), 5_000, `sequences ${expected.join(', ')}`)
        .catch(() => undefined);
      expect([...sequences(published.events)].sort((a, b) => a - b)).toEqual(expect.arrayContaining(expected));
      const accepted = published.events.filter((event) => event.type === 'order.accepted');
      expect(accepted.map((event) => event.payload.orderId)).toEqual(orderIds.map(String));
    } finally {
      await published.close();
      await bus.close();
    }
  });

  it('stores the snapshot once the bus has every event it covers', async () => {
    const dir = journalDir();
    const behind = new PausedBus();
    const engine = await startBehindTheBus(dir, behind);
    await submitRestingBids(engine.engine);
    await engine.snapshotsTaken(2);
    expect(snapshotFiles(dir)).toEqual([]);
    behind.release();
    await vi.waitFor(() => expect(snapshotFiles(dir)).toHaveLength(1), { timeout: 5_000 });
    await engine.engine.stop();
    await engine.publisher.close();
    await engine.durability.close();
    expect(behind.delivered.map((event) => event.sequence)).toEqual(
      engine.produced.filter((event) => event.type !== EventType.INSTRUMENT_ADDED).map((event) => event.sequence),
    );
  });
});
