/**
 * Issue 4, "Durability": kill the engine with SIGKILL mid-flow, restart it on the same journal,
 * and every acknowledged order is back in its book; ids and sequences continue above the old.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { OrderReport, SubmitOrderRequest } from '../../src/index.js';
import { reportOf } from '../fixtures/engineFixture.js';
import { startEngineProcess, type EngineProcess } from './engineProcess.js';

const SYMBOLS = ['AAPL', 'MSFT', 'NVDA', 'TSLA'];
const processes: EngineProcess[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(processes.splice(0).map((engine) => engine.kill()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function journalDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mib-kill-'));
  dirs.push(dir);
  return dir;
}

async function start(dir: string): Promise<EngineProcess> {
  // Snapshots every 25 commands: the restart restores a snapshot and replays the tail after it.
  const engine = await startEngineProcess({
    ENGINE_JOURNAL_DIR: dir,
    ENGINE_SHARDS: '2',
    ENGINE_SNAPSHOT_EVERY: '25',
  });
  processes.push(engine);
  return engine;
}

/** A resting bid far below the market, so nothing trades it away. */
const restingBid = (i: number): SubmitOrderRequest => ({
  symbol: SYMBOLS[i % SYMBOLS.length]!,
  accountId: `account-${i % 7}`,
  side: 'BUY',
  type: 'LIMIT',
  price: String(10 + (i % 5)),
  quantity: String(1 + (i % 3)),
});

/** Whether this checkout's engine shell builds the journal's writers (see the journal wiring). */

describe('an engine killed with SIGKILL and restarted on its journal', { timeout: 120_000 }, () => {
  it('has every acknowledged order back in its book, with ids and sequences above the old ones', async () => {
    const dir = journalDir();
    const first = await start(dir);

    // A crossing pair, so trade ids and positions are part of what must survive.
    reportOf(
      await first.client.submitOrder({
        symbol: 'GOOGL',
        accountId: 'maker',
        side: 'SELL',
        type: 'LIMIT',
        price: '200',
        quantity: '5',
      }),
    );
    reportOf(
      await first.client.submitOrder({
        symbol: 'GOOGL',
        accountId: 'taker',
        side: 'BUY',
        type: 'LIMIT',
        price: '200',
        quantity: '2',
      }),
    );
    const acknowledged: OrderReport[] = [];
    for (let i = 0; i < 40; i++) acknowledged.push(reportOf(await first.client.submitOrder(restingBid(i))));

    // Mid-flow: a burst in flight, killed as soon as part of it has been acknowledged.
    let partlyAcknowledged: () => void = () => undefined;
    const killPoint = new Promise<void>((resolve) => (partlyAcknowledged = resolve));
    const burst = Array.from({ length: 300 }, (_, i) =>
      first.client.submitOrder(restingBid(100 + i)).then(
        (result) => {
          if (result.kind === 'accepted') acknowledged.push(result.report);
          if (acknowledged.length >= 80) partlyAcknowledged();
        },
        // Cut off by the kill: never acknowledged, so the restart owes it nothing.
        () => undefined,
      ),
    );
    await killPoint;
    await first.kill();
    await Promise.all(burst);
    const maxOrderId = Math.max(...acknowledged.map((report) => Number(report.orderId)));
    const maxSequence = new Map<number, number>();
    for (const report of acknowledged)
      maxSequence.set(report.shard, Math.max(maxSequence.get(report.shard) ?? 0, Number(report.sequence)));

    // The restart below restores snapshots and replays only the journal after them.
    const snapshots = ['shard-0', 'shard-1'].flatMap((shard) =>
      readdirSync(join(dir, shard)).filter((name) => name.endsWith('.snapshot')),
    );
    expect(snapshots.length).toBeGreaterThan(0);

    const second = await start(dir);
    const maker = await second.client.getOrderBook('GOOGL', 500);
    expect(maker.asks).toEqual([expect.objectContaining({ price: '200', quantity: '3' })]);
    for (const report of acknowledged) {
      const cancelled = reportOf(
        await second.client.cancelOrder({
          symbol: report.symbol,
          accountId: report.accountId,
          orderId: report.orderId,
        }),
      );
      expect(cancelled).toMatchObject({ orderId: report.orderId, status: 'CANCELLED', leavesQuantity: '0' });
    }

    const fresh = reportOf(
      await second.client.submitOrder({
        symbol: 'GOOGL',
        accountId: 'taker',
        side: 'BUY',
        type: 'LIMIT',
        price: '200',
        quantity: '3',
      }),
    );
    expect(Number(fresh.orderId)).toBeGreaterThan(maxOrderId);
    expect(Number(fresh.sequence)).toBeGreaterThan(maxSequence.get(fresh.shard) ?? 0);
    expect(fresh).toMatchObject({ status: 'FILLED', filledQuantity: '3' });
  });
});
