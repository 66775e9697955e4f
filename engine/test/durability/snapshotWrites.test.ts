/**
 * Snapshot files are written off the main thread (libuv's thread pool), so a write can be in
 * flight while the engine serves, stops or crashes. `node:fs/promises` is wrapped below so a test
 * can hold or fail the fsync of a snapshot's temp file: the write is then in flight for as long
 * as the test wants.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import type * as fsPromises from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { COMMAND_SLOT_SIZE } from '../../src/core/index.js';
import type { OrderReport, SubmitOrderRequest } from '../../src/index.js';
import { FileJournalStore } from '../../src/journal/fileJournalStore.js';
import { recoverJournal } from '../../src/journal/recovery.js';
import { submits } from './journalSlots.js';
import { reportOf, startEngineFixture, type EngineFixture } from '../fixtures/engineFixture.js';

/** The snapshot temp files (`*.snapshot.tmp`) opened through node:fs/promises, and their fsyncs. */
const tempFiles = vi.hoisted(() => {
  let held: Promise<void> | undefined;
  let release = (): void => undefined;
  let reached = (): void => undefined;
  let failure: Error | undefined;
  const files = {
    open: 0,
    mostOpen: 0,
    /** Holds every temp file's fsync until `release()`; resolves once one is held. */
    hold(): Promise<void> {
      held = new Promise((resolve) => (release = resolve));
      return new Promise((resolve) => (reached = resolve));
    },
    release(): void {
      held = undefined;
      release();
    },
    /** The next temp file's fsync fails with `error`. */
    failNextSync(error: Error): void {
      failure = error;
    },
    reset(): void {
      files.release();
      failure = undefined;
      files.open = 0;
      files.mostOpen = 0;
    },
    wrap(handle: FileHandle): FileHandle {
      files.mostOpen = Math.max(files.mostOpen, ++files.open);
      const sync = handle.sync.bind(handle);
      const close = handle.close.bind(handle);
      handle.sync = async () => {
        const failing = failure;
        failure = undefined;
        if (failing !== undefined) throw failing;
        if (held !== undefined) {
          reached();
          await held;
        }
        return sync();
      };
      handle.close = () => {
        files.open--;
        return close();
      };
      return handle;
    },
  };
  return files;
});

vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof fsPromises>();
  const open = async (...args: Parameters<typeof fs.open>): Promise<FileHandle> => {
    const handle = await fs.open(...args);
    return String(args[0]).endsWith('.snapshot.tmp') ? tempFiles.wrap(handle) : handle;
  };
  return { ...fs, open, default: { ...fs, open } };
});

const logger = pino({ level: 'silent' });
const IDS = { maxOrderId: 9, maxRequestId: 9 };
const dirs: string[] = [];
const fixtures: EngineFixture[] = [];
afterEach(async () => {
  tempFiles.reset();
  vi.restoreAllMocks();
  await Promise.all(fixtures.splice(0).map((fixture) => fixture.close()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function journalDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mib-snapshot-writes-'));
  dirs.push(dir);
  return dir;
}

/**
 * A journal with a snapshot stored at position 2, a second one begun at position 4 (not yet
 * written) and one command after it.
 */
async function withSecondSnapshotBegun() {
  const dir = journalDir();
  const store = FileJournalStore.open(dir, 1, logger);
  store.append(0, submits(1, 2));
  await store.writeSnapshot(0, store.beginSnapshot(0), new Float64Array([1]), IDS);
  store.append(0, submits(3, 2));
  const second = store.beginSnapshot(0);
  store.append(0, submits(5, 1));
  return { dir, store, second };
}

const shardFiles = (dir: string): string[] => readdirSync(join(dir, 'shard-0')).sort();
const named = (position: number, suffix: string): string => `${String(position).padStart(16, '0')}.${suffix}`;

describe('FileJournalStore snapshot writes', () => {
  it('close() waits for the snapshot write in flight, which is stored', async () => {
    const dir = journalDir();
    const store = FileJournalStore.open(dir, 1, logger);
    store.append(0, submits(1, 3));
    const position = store.beginSnapshot(0);
    store.append(0, submits(4, 2));
    const held = tempFiles.hold();
    const order: string[] = [];
    const written = store.writeSnapshot(0, position, new Float64Array([1, 2, 3]), IDS).then(() => order.push('stored'));
    await held;
    const closed = store.close().then(() => order.push('closed'));
    tempFiles.release();
    await Promise.all([written, closed]);
    expect(order).toEqual(['stored', 'closed']);
    expect(shardFiles(dir)).toEqual([`segment-${named(3, 'journal')}`, `snapshot-${named(3, 'snapshot')}`]);
    const shard = (await recoverJournal(FileJournalStore.open(dir, 1, logger), 1)).shards[0]!;
    expect(shard.snapshotPosition).toBe(3);
    expect(Array.from(shard.snapshot ?? [])).toEqual([1, 2, 3]);
    expect(shard.commands.length / COMMAND_SLOT_SIZE).toBe(2);
  });

  it('writes one snapshot of a shard at a time, in the order they were handed over', async () => {
    const dir = journalDir();
    const store = FileJournalStore.open(dir, 1, logger);
    store.append(0, submits(1, 2));
    const first = store.beginSnapshot(0);
    store.append(0, submits(3, 2));
    const second = store.beginSnapshot(0);
    store.append(0, submits(5, 1));
    const held = tempFiles.hold();
    const writes = [
      store.writeSnapshot(0, first, new Float64Array([1]), IDS),
      store.writeSnapshot(0, second, new Float64Array([2]), IDS),
    ];
    await held;
    expect(tempFiles.open).toBe(1);
    tempFiles.release();
    await Promise.all(writes);
    await store.close();
    expect(tempFiles.mostOpen).toBe(1);
    expect(shardFiles(dir)).toEqual([`segment-${named(4, 'journal')}`, `snapshot-${named(4, 'snapshot')}`]);
    const shard = (await recoverJournal(FileJournalStore.open(dir, 1, logger), 1)).shards[0]!;
    expect([shard.snapshotPosition, ...(shard.snapshot ?? [])]).toEqual([4, 2]);
    expect(shard.commands.length / COMMAND_SLOT_SIZE).toBe(1);
  });

  it('leaves the previous snapshot usable when the process dies mid-write (its temp file is ignored)', async () => {
    const { dir, store, second } = await withSecondSnapshotBegun();
    const held = tempFiles.hold();
    const writing = store.writeSnapshot(0, second, new Float64Array([2]), IDS);
    await held;
    // What a crash now leaves: the temp file written, neither synced nor renamed.
    expect(shardFiles(dir)).toContain(`snapshot-${named(4, 'snapshot.tmp')}`);
    const afterCrash = FileJournalStore.open(dir, 1, logger);
    const recovery = await recoverJournal(afterCrash, 1);
    await afterCrash.close();
    expect([recovery.shards[0]!.snapshotPosition, ...(recovery.shards[0]!.snapshot ?? [])]).toEqual([2, 1]);
    expect(recovery.commands).toBe(3);
    expect(recovery.ids.maxOrderId).toBe(9);
    tempFiles.release();
    await writing;
    await store.close();
  });

  it('rejects a failed write, removes its temp file and keeps the journal; the next snapshot is stored', async () => {
    const { dir, store, second } = await withSecondSnapshotBegun();
    tempFiles.failNextSync(Object.assign(new Error('EIO: i/o error, fsync'), { code: 'EIO' }));
    await expect(store.writeSnapshot(0, second, new Float64Array([2]), IDS)).rejects.toThrow('EIO');
    await store.sync();
    expect(shardFiles(dir)).toEqual([
      `segment-${named(2, 'journal')}`,
      `segment-${named(4, 'journal')}`,
      `snapshot-${named(2, 'snapshot')}`,
    ]);
    const third = store.beginSnapshot(0);
    await store.writeSnapshot(0, third, new Float64Array([3]), IDS);
    await store.close();
    expect(shardFiles(dir)).toEqual([`segment-${named(5, 'journal')}`, `snapshot-${named(5, 'snapshot')}`]);
  });
});

/** A resting bid far below the market, so nothing trades it away. */
const restingBid = (i: number): SubmitOrderRequest => ({
  symbol: ['AAPL', 'MSFT', 'NVDA', 'TSLA'][i % 4]!,
  accountId: `account-${i % 5}`,
  side: 'BUY',
  type: 'LIMIT',
  price: String(10 + (i % 5)),
  quantity: '1',
});

interface LogLine {
  readonly level: number;
  readonly msg: string;
  readonly shard?: number;
}

/** An engine on `dir` with one shard, snapshotting every 10 commands; its log lines to `onLog`. */
async function start(dir: string, onLog: (line: LogLine) => void = () => undefined): Promise<EngineFixture> {
  const fixture = await startEngineFixture({
    shards: 1,
    heartbeatMs: 0,
    journalDir: dir,
    snapshotEvery: 10,
    logger: pino({ level: 'info' }, { write: (line: string) => onLog(JSON.parse(line) as LogLine) }),
  });
  fixtures.push(fixture);
  return fixture;
}

async function stop(fixture: EngineFixture): Promise<void> {
  fixtures.splice(fixtures.indexOf(fixture), 1);
  await fixture.close();
}

async function submitRestingBids(fixture: EngineFixture, from: number, count: number): Promise<OrderReport[]> {
  const reports: OrderReport[] = [];
  for (let i = from; i < from + count; i++) reports.push(reportOf(await fixture.client.submitOrder(restingBid(i))));
  return reports;
}

/** Cancels every order of `acknowledged` on `fixture`: each must be resting there. */
async function expectAllResting(fixture: EngineFixture, acknowledged: readonly OrderReport[]): Promise<void> {
  for (const report of acknowledged) {
    const cancelled = reportOf(
      await fixture.client.cancelOrder({ symbol: report.symbol, accountId: report.accountId, orderId: report.orderId }),
    );
    expect(cancelled).toMatchObject({ orderId: report.orderId, status: 'CANCELLED', leavesQuantity: '0' });
  }
}

describe('an engine writing snapshots', { timeout: 60_000 }, () => {
  it('stopped while a snapshot file is being written, waits for it; the restart recovers every acknowledged order', async () => {
    const dir = journalDir();
    const held = tempFiles.hold();
    const first = await start(dir);
    // Orders keep being acknowledged while the snapshot write is held: nothing on the command path waits for it.
    const acknowledged = await submitRestingBids(first, 0, 40);
    await held;
    // The hold ends only once the journal is closing: a close that did not wait would finish first.
    const { close } = Object.getOwnPropertyDescriptors(FileJournalStore.prototype);
    vi.spyOn(FileJournalStore.prototype, 'close').mockImplementation(function (this: FileJournalStore) {
      tempFiles.release();
      return (close.value as () => Promise<void>).call(this);
    });
    await stop(first);
    const files = shardFiles(dir);
    expect(files.filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(files.filter((name) => name.endsWith('.snapshot')).length).toBeGreaterThan(0);
    vi.restoreAllMocks();

    const second = await start(dir);
    await expectAllResting(second, acknowledged);
  });

  it('logs a failed snapshot write as an error and keeps serving on the journal it kept; the restart recovers every acknowledged order', async () => {
    const dir = journalDir();
    // A directory where the snapshot temp files go: creating any of them fails (EISDIR).
    for (let position = 1; position <= 200; position++)
      mkdirSync(join(dir, 'shard-0', `snapshot-${named(position, 'snapshot.tmp')}`), { recursive: true });
    let failed: () => void = () => undefined;
    const snapshotFailed = new Promise<void>((resolve) => (failed = resolve));
    const errors: LogLine[] = [];
    const first = await start(dir, (line) => {
      if (line.level < 50) return;
      errors.push(line);
      failed();
    });
    const acknowledged = await submitRestingBids(first, 0, 30);
    await snapshotFailed;
    acknowledged.push(...(await submitRestingBids(first, 30, 5)));
    await stop(first);
    expect(errors[0]).toMatchObject({ level: 50, msg: 'snapshot not written; the journal keeps everything it needs', shard: 0 });
    expect(shardFiles(dir).filter((name) => name.endsWith('.snapshot'))).toEqual([]);
    expect(shardFiles(dir)).toContain(`segment-${named(0, 'journal')}`);

    const second = await start(dir);
    await expectAllResting(second, acknowledged);
  });
});
