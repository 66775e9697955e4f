/**
 * A SubmitOrder retried with the same client order id after the engine restarted on its journal
 * gets the first answer (same engine order id) and places nothing: the pair survives in the
 * journaled SUBMIT (replayed tail) and in the snapshot (commands before it), also from snapshot
 * files of the previous version (MIB2).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { COMMAND_SLOT_SIZE, CommandField, CommandKind } from '../../src/core/index.js';
import type { InstrumentSpec, SubmitOrderRequest } from '../../src/index.js';
import { decodeFrames, encodeFrame } from '../../src/journal/journalFrames.js';
import { decodeClientOrderAnswers } from '../../src/shard/clientOrderAnswers.js';
import { reportOf, startEngineFixture, type EngineFixture } from '../fixtures/engineFixture.js';

const INSTRUMENTS: readonly InstrumentSpec[] = [{ symbol: 'AAPL', tickSize: '0.01', lotSize: '1' }];
const fixtures: EngineFixture[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(fixtures.splice(0).map((fixture) => fixture.close()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function journalDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mib-client-ids-'));
  dirs.push(dir);
  return dir;
}

async function start(dir: string, snapshotEvery: number): Promise<EngineFixture> {
  const fixture = await startEngineFixture({
    shards: 1,
    instruments: INSTRUMENTS,
    heartbeatMs: 0,
    journalDir: dir,
    snapshotEvery,
  });
  fixtures.push(fixture);
  return fixture;
}

async function stop(fixture: EngineFixture): Promise<void> {
  fixtures.splice(fixtures.indexOf(fixture), 1);
  await fixture.close();
}

/** A resting bid at `price`, far from any ask. */
const bid = (price: number, clientOrderId = ''): SubmitOrderRequest => ({
  symbol: 'AAPL',
  accountId: 'alice',
  side: 'BUY',
  type: 'LIMIT',
  price: String(price),
  quantity: '1',
  clientOrderId,
});

const snapshotFiles = (dir: string): string[] =>
  readdirSync(join(dir, 'shard-0')).filter((name) => name.endsWith('.snapshot'));

/** Orders resting at `price` on the bid side. */
async function ordersAt(fixture: EngineFixture, price: string): Promise<number> {
  const book = await fixture.client.getOrderBook('AAPL', 500);
  return book.bids.filter((level) => level.price === price).reduce((sum, level) => sum + level.orderCount, 0);
}

describe('client order ids across a restart on the journal', { timeout: 60_000 }, () => {
  it('answers a retry after a restart with the first order, from the replayed journal', async () => {
    const dir = journalDir();
    const first = await start(dir, 0);
    const original = reportOf(await first.client.submitOrder(bid(50, 'retry-1')));
    await stop(first);

    const second = await start(dir, 0);
    const retried = reportOf(await second.client.submitOrder(bid(50, 'retry-1')));
    expect(retried).toEqual(original);
    expect(await ordersAt(second, '50')).toBe(1);
    const other = reportOf(await second.client.submitOrder({ ...bid(50, 'retry-1'), accountId: 'bob' }));
    expect(Number(other.orderId)).toBeGreaterThan(Number(original.orderId));
    expect(await ordersAt(second, '50')).toBe(2);
  });

  it('answers a retry after a restart with the first order, from before the stored snapshot', async () => {
    const dir = journalDir();
    const first = await start(dir, 2);
    const original = reportOf(await first.client.submitOrder(bid(50, 'before-snapshot')));
    for (let i = 0; i < 6; i++) reportOf(await first.client.submitOrder(bid(40 + i)));
    // The newest snapshot covers the first order: its journal segment is gone.
    await vi.waitFor(() => expect(snapshotFiles(dir).length).toBeGreaterThan(0), { timeout: 5_000 });
    await stop(first);
    expect(readdirSync(join(dir, 'shard-0'))).not.toContain('segment-0000000000000000.journal');

    const second = await start(dir, 2);
    const retried = reportOf(await second.client.submitOrder(bid(50, 'before-snapshot')));
    expect(retried).toEqual(original);
    expect(await ordersAt(second, '50')).toBe(1);

    // And once more, across a second restart (the pair was carried into the new snapshots).
    for (let i = 0; i < 6; i++) reportOf(await second.client.submitOrder(bid(30 + i)));
    await stop(second);
    const third = await start(dir, 2);
    expect(reportOf(await third.client.submitOrder(bid(50, 'before-snapshot')))).toEqual(original);
    expect(await ordersAt(third, '50')).toBe(1);
  });

  it('answers a retry from the client order answers of a MIB2 snapshot file', async () => {
    const dir = journalDir();
    const first = await start(dir, 2);
    const original = reportOf(await first.client.submitOrder(bid(50, 'in-a-mib2-snapshot')));
    for (let i = 0; i < 6; i++) reportOf(await first.client.submitOrder(bid(40 + i)));
    await vi.waitFor(() => expect(snapshotFiles(dir).length).toBeGreaterThan(0), { timeout: 5_000 });
    await stop(first);
    // Only a snapshot covers the first order: its journal segment is gone.
    expect(readdirSync(join(dir, 'shard-0'))).not.toContain('segment-0000000000000000.journal');
    rewriteSnapshotsAsMib2(join(dir, 'shard-0'));

    const second = await start(dir, 2);
    expect(reportOf(await second.client.submitOrder(bid(50, 'in-a-mib2-snapshot')))).toEqual(original);
    expect(await ordersAt(second, '50')).toBe(1);
  });

  it('loads a snapshot and journal written before client order ids were journaled', async () => {
    const dir = journalDir();
    const first = await start(dir, 2);
    const placed = [];
    for (let i = 0; i < 7; i++) placed.push(reportOf(await first.client.submitOrder(bid(40 + i, `old-${i}`))));
    await vi.waitFor(() => expect(snapshotFiles(dir).length).toBeGreaterThan(0), { timeout: 5_000 });
    await stop(first);
    rewriteAsOldFormat(join(dir, 'shard-0'));

    const second = await start(dir, 2);
    for (let i = 0; i < 7; i++) expect(await ordersAt(second, String(40 + i))).toBe(1);
    // Nothing remembered from before the upgrade: a retry is a new order, above the old ids.
    const retried = reportOf(await second.client.submitOrder(bid(40, 'old-0')));
    expect(Number(retried.orderId)).toBeGreaterThan(Math.max(...placed.map((report) => Number(report.orderId))));
    expect(await ordersAt(second, '40')).toBe(2);
  });
});

const OLD_SNAPSHOT_MAGIC = 0x4d494253; // "MIBS"
const OLD_HEADER_VALUES = 5;

/**
 * Rewrites a shard's files as the engine wrote them before client order ids were journaled:
 * snapshots with the 5-value header [magic, length, crc32, maxOrderId, maxRequestId] and the
 * core's snapshot only, and SUBMIT slots with nothing in their field 11.
 */
function rewriteAsOldFormat(shardDir: string): void {
  for (const name of readdirSync(shardDir)) {
    const path = join(shardDir, name);
    const bytes = readFileSync(path);
    if (name.endsWith('.snapshot')) {
      // Whole float64 values only: a version 3 file ends in answer bytes.
      const values = new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + (bytes.length & ~7)));
      const length = values[1]!;
      const start = values[0] === OLD_SNAPSHOT_MAGIC ? OLD_HEADER_VALUES : snapshotBodyStart(values);
      const body = values.slice(start, start + length);
      const bodyBytes = Buffer.from(body.buffer);
      const header = new Float64Array([OLD_SNAPSHOT_MAGIC, length, crc32(bodyBytes), values[3]!, values[4]!]);
      writeFileSync(path, Buffer.concat([Buffer.from(header.buffer), bodyBytes]));
    } else if (name.endsWith('.journal')) {
      const { slots } = decodeFrames(bytes);
      for (let at = 0; at < slots.length; at += COMMAND_SLOT_SIZE)
        if (slots[at + CommandField.KIND] === CommandKind.SUBMIT) slots[at + 11] = 0;
      writeFileSync(path, slots.length === 0 ? Buffer.alloc(0) : encodeFrame(slots));
    }
  }
}

const MIB2_MAGIC = 0x4d494232;
const MIB3_MAGIC = 0x4d494233;
const MIB2_HEADER_VALUES = 7;

/**
 * Rewrites a shard's snapshot files (version 3) as version 2 stored them: the same 7-value header
 * with the answers' length in values, and the answers as float64 records, per answer `hash, shard,
 * orderId, symbolId, accountId, lastEventType, reason, side, orderType, price, quantity,
 * filledQuantity, leavesQuantity, sequence, fillCount`, then `tradeId, price, quantity,
 * makerOrderId` per fill.
 */
function rewriteSnapshotsAsMib2(shardDir: string): void {
  for (const name of readdirSync(shardDir).filter((file) => file.endsWith('.snapshot'))) {
    const path = join(shardDir, name);
    const bytes = readFileSync(path);
    const header = new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + MIB2_HEADER_VALUES * 8));
    expect(header[0]).toBe(MIB3_MAGIC);
    const bodyEnd = MIB2_HEADER_VALUES * 8 + header[1]! * 8;
    const records: number[] = [];
    decodeClientOrderAnswers(new Uint8Array(bytes.subarray(bodyEnd)), 0, (hash, o) => {
      records.push(hash, o.shard, o.orderId, o.symbolId, o.accountId, o.lastEventType, o.reason, o.side, o.orderType,
        o.price, o.quantity, o.filledQuantity, o.leavesQuantity, o.sequence, o.fills.length);
      for (const fill of o.fills) records.push(fill.tradeId, fill.price, fill.quantity, fill.makerOrderId);
    });
    expect(records.length).toBeGreaterThan(0);
    const answers = Buffer.from(new Float64Array(records).buffer);
    const mib2Header = new Float64Array([MIB2_MAGIC, header[1]!, header[2]!, header[3]!, header[4]!, records.length, crc32(answers)]);
    writeFileSync(path, Buffer.concat([Buffer.from(mib2Header.buffer), bytes.subarray(MIB2_HEADER_VALUES * 8, bodyEnd), answers]));
  }
}

/** Where the core's snapshot starts in a snapshot file of any version: right after its header. */
function snapshotBodyStart(values: Float64Array): number {
  // Newer headers are longer; the body length is stored at index 1, and the body follows the header.
  for (let start = OLD_HEADER_VALUES; start < 16; start++) {
    const body = values.slice(start, start + values[1]!);
    if (body.length === values[1] && crc32(Buffer.from(body.buffer)) === values[2]) return start;
  }
  throw new Error('unrecognised snapshot file');
}
