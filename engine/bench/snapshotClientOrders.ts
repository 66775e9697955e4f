/**
 * What remembered client order ids cost a snapshot. One shard runs a seeded simulator flow; the
 * first report of each of its newest MAX_CLIENT_ORDER_IDS settled SUBMITs is remembered as a
 * client order id pair, as ShardedEngine does. Each run takes a snapshot the way the shell does
 * (core snapshot on the worker; answers collected and encoded on the main thread, which then
 * stores the file) and loads it back the way recovery does (file read, pairs recalled, core restored), with
 * the pairs and, alternating in the same run, without them (the baseline). Each run stores the file
 * twice, in alternating order: as FileJournalStore does now (I/O on libuv's thread pool) and as it
 * did before (bench/baselines/syncSnapshotWrite.ts: synchronous on the main thread). While the
 * main thread encodes or stores the snapshot, a setImmediate ticker measures the longest stretch
 * it could not serve (gRPC calls and shard events wait that long). Medians of BENCH_RUNS runs
 * (default 7) after one warm-up of each. Run with `node --expose-gc --import tsx engine/bench/snapshotClientOrders.ts`:
 * with `gc` exposed, each run starts after a full collection, so the garbage of the run before
 * (a restore drops a shard's 64 MiB order pool) is not collected in the middle of the next.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pino } from 'pino';
import {
  COMMAND_SLOT_SIZE,
  CommandField as C,
  CommandKind,
  EVENT_SLOT_SIZE,
  EventBuffer,
  EventType,
  LONG_RUNNING_ORDER_ID_WINDOW_BITS,
  RejectReason,
  Shard,
} from '../src/core/index.js';
import { FileJournalStore } from '../src/journal/fileJournalStore.js';
import { encodeSnapshotFile } from '../src/journal/snapshotFiles.js';
import { AccountDirectory } from '../src/shard/accountDirectory.js';
import { ClientOrderAnswerWriter } from '../src/shard/clientOrderAnswers.js';
import { clientOrderIdHash, ClientOrderIds, MAX_CLIENT_ORDER_IDS } from '../src/shard/clientOrderIds.js';
import { recallClientOrderIds } from '../src/shard/clientOrderRecovery.js';
import { OrderCommandEntry, type OrderOutcome } from '../src/shard/outcomes.js';
import { writeSnapshotSync } from './baselines/syncSnapshotWrite.js';
import { simulatedFlow } from './core.js';
import { median } from './stats.js';

/** A shard worker's core options (shardWorker.ts): restore pays for touching its order pool. */
const WORKER_SHARD_OPTIONS = { orderIdWindowBits: LONG_RUNNING_ORDER_ID_WINDOW_BITS, preTouchMemory: true };
const silent = pino({ level: 'silent' });

/** Milliseconds per step of one snapshot taken, stored and loaded back; bytes of its file. */
interface SnapshotRun {
  coreSnapshotMs: number;
  encodeMs: number;
  encodeStallMs: number;
  crcMs: number;
  writeMs: number;
  writeStallMs: number;
  syncWriteMs: number;
  syncWriteStallMs: number;
  idleStallMs: number;
  fileBytes: number;
  readMs: number;
  recallMs: number;
  restoreMs: number;
}

/** The shell's rule (ClientOrderIds): a validation reject is forgotten, anything else kept. */
const isFinal = (outcome: OrderOutcome): boolean =>
  outcome.lastEventType !== EventType.ORDER_REJECTED || outcome.reason >= RejectReason.MAX_ORDER_QUANTITY_EXCEEDED;

/** Runs the flow on one core shard and collects each SUBMIT's first report as the shell would. */
async function runFlow(commands: number): Promise<{ shard: Shard; outcomes: OrderOutcome[] }> {
  const { slots, instruments } = simulatedFlow(commands, 42, 4);
  const shard = new Shard(instruments, WORKER_SHARD_OPTIONS);
  const out = new EventBuffer(4096);
  const answers: Promise<OrderOutcome>[] = [];
  for (let i = 0; i < commands; i++) {
    const at = i * COMMAND_SLOT_SIZE;
    out.count = 0;
    shard.execute(slots, i, out);
    if (slots[at + C.KIND] !== CommandKind.SUBMIT) continue;
    const entry = new OrderCommandEntry(slots[at + C.REQUEST_ID]!, 0, slots[at + C.ORDER_ID]!, slots[at + C.SYMBOL_ID]!, slots[at + C.ACCOUNT_ID]!);
    for (let e = 0; e < out.count; e++) entry.onEvent(out.slots, e * EVENT_SLOT_SIZE);
    entry.onDone();
    answers.push(entry.promise);
  }
  return { shard, outcomes: (await Promise.all(answers)).filter(isFinal) };
}

/** Account names as the wire has them (UUIDs), registered so that number n is the flow's account n. */
function accountDirectory(accounts: number): AccountDirectory {
  const directory = new AccountDirectory();
  for (let n = 1; n <= accounts; n++) directory.idOf(`5f0c${String(n).padStart(4, '0')}-9b1d-4c8e-a2f4-7e61d3b0c9a5`);
  return directory;
}

/** The remembered pairs: the newest `pairs` outcomes, each under client order id `ord-<orderId>`. */
async function rememberedPairs(outcomes: readonly OrderOutcome[], accounts: AccountDirectory, pairs: number): Promise<ClientOrderIds> {
  const ids = new ClientOrderIds();
  for (const outcome of outcomes.slice(-pairs))
    ids.recall(accounts.nameOf(outcome.accountId), clientOrderIdHash(`ord-${outcome.orderId}`), Promise.resolve(outcome));
  await new Promise((resolve) => setImmediate(resolve));
  return ids;
}

/** Measures the longest stretch without a turn of the event loop while `work` runs. */
async function longestStall(work: () => Promise<void>): Promise<number> {
  let last = performance.now();
  let longest = 0;
  let running = true;
  const tick = (): void => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  await work();
  running = false;
  return Math.max(longest, performance.now() - last);
}

interface TimedWrite {
  /** Wall time with the event loop otherwise idle. */
  readonly ms: number;
  /** Longest main-thread stall while writing again, under the setImmediate ticker. */
  readonly stallMs: number;
}

/**
 * Stores a snapshot with `write` twice (the second replaces the first): timed alone, then under
 * the ticker, which inflates the wall time of the thread-pool write (on 2 cores the spinning
 * main thread competes with the pool thread).
 */
async function timedWrite(write: () => Promise<void>): Promise<TimedWrite> {
  const t = performance.now();
  await write();
  const ms = performance.now() - t;
  return { ms, stallMs: await longestStall(write) };
}

/**
 * One snapshot of `shard` with the pairs of `ids`, stored (now and as before, `syncFirst` says
 * which first) and loaded back, each step timed.
 */
async function snapshotOnce(shard: Shard, ids: ClientOrderIds, accountCount: number, syncFirst: boolean): Promise<SnapshotRun> {
  (globalThis as { gc?: () => void }).gc?.();
  const dir = mkdtempSync(join(tmpdir(), 'mib-snapshot-bench-'));
  const store = FileJournalStore.open(dir, 1, silent);
  const syncDir = mkdtempSync(join(tmpdir(), 'mib-snapshot-bench-sync-'));
  const syncStore = FileJournalStore.open(syncDir, 1, silent);
  let t = performance.now();
  const core = shard.snapshot();
  const coreSnapshotMs = performance.now() - t;
  // ShardedEngine.clientOrderAnswers, then CommandJournal.snapshotTaken's write.
  let encodeMs = 0;
  let answers: Uint8Array = new Uint8Array(0);
  const encodeStallMs = await longestStall(async () => {
    t = performance.now();
    const writer = new ClientOrderAnswerWriter(ids.size);
    await ids.forEachSettled(0, (hash, outcome) => writer.add(hash, outcome));
    answers = writer.finish();
    encodeMs = performance.now() - t;
  });
  const marks = { maxOrderId: 1, maxRequestId: 1 };
  // The part of either write that stays on the main thread: header and CRCs.
  t = performance.now();
  encodeSnapshotFile(core, marks, answers);
  const crcMs = performance.now() - t;
  const now = (): Promise<TimedWrite> => timedWrite(() => store.writeSnapshot(0, 0, core, marks, answers));
  // As before: FileJournalStore.writeSnapshot awaited the group commit, then wrote synchronously.
  const before = (): Promise<TimedWrite> =>
    timedWrite(async () => {
      await syncStore.sync();
      writeSnapshotSync(join(syncDir, 'shard-0'), 0, core, marks, answers);
    });
  let written: TimedWrite;
  let syncWritten: TimedWrite;
  if (syncFirst) {
    syncWritten = await before();
    written = await now();
  } else {
    written = await now();
    syncWritten = await before();
  }
  // The floor: on a shared 2-core VM an idle event loop also sees gaps of a few ms (preemption).
  const idleStallMs = await longestStall(() => new Promise((resolve) => setTimeout(resolve, written.ms)));
  await store.close();
  await syncStore.close();
  rmSync(syncDir, { recursive: true, force: true });
  const file = readdirSync(join(dir, 'shard-0')).find((name) => name.endsWith('.snapshot'))!;
  const fileBytes = statSync(join(dir, 'shard-0', file)).size;

  t = performance.now();
  const reopened = FileJournalStore.open(dir, 1, silent);
  const recovered = await reopened.load(0);
  const readMs = performance.now() - t;
  const recalled = new ClientOrderIds();
  const accounts = accountDirectory(accountCount);
  t = performance.now();
  recallClientOrderIds(recalled, accounts, () => undefined, [recovered.snapshotClientOrderAnswers], [new Float64Array(0)]);
  // Each recalled answer settles in a microtask: part of the main thread's work.
  await new Promise((resolve) => setImmediate(resolve));
  const recallMs = performance.now() - t;
  t = performance.now();
  Shard.restore(recovered.snapshot!, WORKER_SHARD_OPTIONS);
  const restoreMs = performance.now() - t;
  if (recalled.size !== ids.size) throw new Error(`recalled ${recalled.size} pairs of ${ids.size}`);
  await reopened.close();
  rmSync(dir, { recursive: true, force: true });
  return {
    coreSnapshotMs,
    encodeMs,
    encodeStallMs,
    crcMs,
    writeMs: written.ms,
    writeStallMs: written.stallMs,
    syncWriteMs: syncWritten.ms,
    syncWriteStallMs: syncWritten.stallMs,
    idleStallMs,
    fileBytes,
    readMs,
    recallMs,
    restoreMs,
  };
}

const runs = Number(process.env['BENCH_RUNS'] ?? 7);
const cpu = /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? 'unknown CPU';
console.log(`machine: ${availableParallelism()} cores (${cpu}), Node ${process.version}, load ${loadavg().map((v) => v.toFixed(2)).join(' ')}`);

const { shard, outcomes } = await runFlow(200_000);
if (outcomes.length < MAX_CLIENT_ORDER_IDS) throw new Error(`only ${outcomes.length} settled SUBMITs`);
const accountCount = outcomes.reduce((most, outcome) => Math.max(most, outcome.accountId), 0);
const accounts = accountDirectory(accountCount);
const withPairs = await rememberedPairs(outcomes, accounts, MAX_CLIENT_ORDER_IDS);
const withoutPairs = new ClientOrderIds();
const kept = outcomes.slice(-MAX_CLIENT_ORDER_IDS);
const fills = kept.reduce((sum, outcome) => sum + outcome.fills.length, 0);
console.log(
  `pairs: ${withPairs.size} first reports of ${accountCount} accounts, ${fills} fills (${(fills / kept.length).toFixed(2)} per report, ` +
    `most ${kept.reduce((most, outcome) => Math.max(most, outcome.fills.length), 0)}); resting orders in the core snapshot: ${shard.snapshot()[6]}`,
);

await snapshotOnce(shard, withPairs, accountCount, false);
await snapshotOnce(shard, withoutPairs, accountCount, true);
const measured: { with: SnapshotRun[]; without: SnapshotRun[] } = { with: [], without: [] };
for (let run = 0; run < runs; run++) {
  measured.with.push(await snapshotOnce(shard, withPairs, accountCount, run % 2 === 0));
  measured.without.push(await snapshotOnce(shard, withoutPairs, accountCount, run % 2 === 1));
}

const figure = (key: keyof SnapshotRun, variant: SnapshotRun[]): number => median(variant.map((run) => run[key]));
const rows: [string, keyof SnapshotRun, string][] = [
  ['core snapshot (worker thread; same work in both)', 'coreSnapshotMs', 'ms'],
  ['collect and encode answers (main thread), wall time', 'encodeMs', 'ms'],
  ['collect and encode answers, longest main-thread stall', 'encodeStallMs', 'ms'],
  ['header + crc32 (main thread, part of both writes)', 'crcMs', 'ms'],
  ['write file before: crc32, write + fsync, rename, dir fsync on the main thread, wall time (loop otherwise idle)', 'syncWriteMs', 'ms'],
  ['write file before, longest main-thread stall', 'syncWriteStallMs', 'ms'],
  ['write file now: crc32 on the main thread, the rest on the thread pool, wall time (loop otherwise idle)', 'writeMs', 'ms'],
  ['write file now, longest main-thread stall', 'writeStallMs', 'ms'],
  ['idle event loop as long as the write now took, longest gap (noise floor)', 'idleStallMs', 'ms'],
  ['snapshot file size', 'fileBytes', 'MB'],
  ['read file (recovery)', 'readMs', 'ms'],
  ['decode + recall pairs (recovery)', 'recallMs', 'ms'],
  ['restore core shard (recovery; same work in both)', 'restoreMs', 'ms'],
];
const format = (value: number, unit: string): string => (unit === 'MB' ? `${(value / 1e6).toFixed(2)} MB` : `${value.toFixed(2)} ms`);
console.log(`\nmedians of ${runs} runs each, alternating\n`);
console.log(`| step | with ${MAX_CLIENT_ORDER_IDS.toLocaleString('en')} pairs | without pairs (baseline) |`);
console.log('| --- | --- | --- |');
for (const [name, key, unit] of rows)
  console.log(`| ${name} | ${format(figure(key, measured.with), unit)} | ${format(figure(key, measured.without), unit)} |`);
