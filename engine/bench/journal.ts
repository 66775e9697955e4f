/**
 * What durability costs: commands/s through the core with the journal on vs off, same seeded
 * flow, same run, medians. "On" is the shell's pipeline in one process: each batch is appended
 * to the file journal and fsynced (group commit) before it may execute, and while one batch's
 * fsync runs on the thread pool the previous batch executes, as the worker would. Run alone
 * with `tsx engine/bench/journal.ts`; `benchJournal` is what bench/run.ts would call.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { pino } from 'pino';
import { COMMAND_SLOT_SIZE, EventBuffer, Shard, type InstrumentSpec } from '../src/core/index.js';
import { FileJournalStore } from '../src/journal/fileJournalStore.js';
import { printResults, simulatedFlow, type BenchResult } from './core.js';
import { median } from './stats.js';

export interface JournalBenchOptions {
  /** Commands in the flow. Default 200 000. */
  readonly commands?: number;
  /** Measured runs per variant (after one warm-up). Default 5. */
  readonly runs?: number;
  /** Commands per group commit. Default [64, 1024]. */
  readonly batchSizes?: readonly number[];
}

function discardingBuffer(): EventBuffer {
  return new EventBuffer(4096, (buffer) => (buffer.count = 0));
}

function executeBatch(
  shard: Shard,
  slots: Float64Array,
  first: number,
  count: number,
  out: EventBuffer,
): void {
  for (let i = first; i < first + count; i++) shard.execute(slots, i, out);
}

/** Journal off: execute every batch straight away. */
function runWithoutJournal(slots: Float64Array, instruments: InstrumentSpec[], batch: number): number {
  const shard = new Shard(instruments);
  const out = discardingBuffer();
  const commands = slots.length / COMMAND_SLOT_SIZE;
  const started = performance.now();
  for (let first = 0; first < commands; first += batch)
    executeBatch(shard, slots, first, Math.min(batch, commands - first), out);
  return commands / ((performance.now() - started) / 1000);
}

/** Journal on: batch k+1 is journaled and fsynced while batch k executes; nothing runs before its fsync. */
async function runWithJournal(
  slots: Float64Array,
  instruments: InstrumentSpec[],
  batch: number,
): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'mib-journal-bench-'));
  const store = FileJournalStore.open(dir, 1, pino({ level: 'silent' }));
  const shard = new Shard(instruments);
  const out = discardingBuffer();
  const commands = slots.length / COMMAND_SLOT_SIZE;
  const journal = (first: number): Promise<void> => {
    store.append(
      0,
      slots.slice(first * COMMAND_SLOT_SIZE, Math.min(first + batch, commands) * COMMAND_SLOT_SIZE),
    );
    return store.sync();
  };
  const started = performance.now();
  let durable = journal(0);
  for (let first = 0; first < commands; first += batch) {
    await durable;
    if (first + batch < commands) durable = journal(first + batch);
    executeBatch(shard, slots, first, Math.min(batch, commands - first), out);
  }
  const rate = commands / ((performance.now() - started) / 1000);
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  return rate;
}

export async function benchJournal(options: JournalBenchOptions = {}): Promise<BenchResult[]> {
  const runs = options.runs ?? 5;
  const { slots, instruments } = simulatedFlow(options.commands ?? 200_000, 42, 4);
  const results: BenchResult[] = [];
  for (const batch of options.batchSizes ?? [64, 1024]) {
    const off: number[] = [];
    const on: number[] = [];
    // One warm-up of each, then alternate so drifting machine load hits both variants alike.
    runWithoutJournal(slots, instruments, batch);
    await runWithJournal(slots, instruments, batch);
    for (let run = 0; run < runs; run++) {
      off.push(runWithoutJournal(slots, instruments, batch));
      on.push(await runWithJournal(slots, instruments, batch));
    }
    const value = median(on);
    const baseline = median(off);
    results.push({
      name: `commands/s, journal on (group commit ${batch})`,
      value,
      unit: 'cmd/s',
      baseline: { name: 'journal off', value: baseline },
      ratio: value / baseline,
      detail: `core on one thread, ${slots.length / COMMAND_SLOT_SIZE} simulated commands; on = append + fdatasync per batch before it runs, next batch's fsync overlapping; medians of ${runs} runs`,
    });
  }
  return results;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  printResults(await benchJournal({ runs: Number(process.env['BENCH_RUNS'] ?? 5) }));
}
