/**
 * A/B of two versions of the core on the same simulated flow, alternating per batch of 1024
 * commands so both see the same machine load (on a shared machine, separate runs minutes apart
 * differ by more than most changes). Compare the working tree with an earlier checkout:
 *   git archive <commit> engine/src | tar -x -C /tmp/base && echo '{"type":"module"}' > /tmp/base/engine/package.json
 *   BENCH_BASE_CORE=/tmp/base/engine/src/core/index.ts npx tsx engine/bench/abCore.ts
 * The package.json matters: without `"type": "module"` beside it tsx compiles the other core as
 * CommonJS, whose exports are getters, and it measures about 3× slower for that alone (checked:
 * the same commit against itself gave base/current 3.07 without it, 1.00–1.01 with it).
 * Prints ns/command of each per run and the median ratio base/current (> 1: current is faster).
 * Env: BENCH_COMMANDS (default 1 000 000), BENCH_RUNS (default 6, the first is a warm-up),
 * BENCH_AB_LATENCY=1: time each command instead (performance.now() around each execute, as
 * core.ts's latency figure) and print gross p50 / p99 / p99.9 of both per run.
 */
import { performance } from 'node:perf_hooks';
import * as current from '../src/core/index.js';
import { simulatedFlow } from './core.js';
import { median, percentile } from './stats.js';

/** The other checkout's core is used through this one's types (its API is the same). */
type Core = typeof current;

const basePath = process.env['BENCH_BASE_CORE'];
if (basePath === undefined) throw new Error('set BENCH_BASE_CORE to the index.ts of the core to compare with');
const base = (await import(basePath)) as Core;
const commands = Number(process.env['BENCH_COMMANDS'] ?? 1_000_000);
const runs = Number(process.env['BENCH_RUNS'] ?? 6);
const perCommandLatency = process.env['BENCH_AB_LATENCY'] === '1';
const { slots, instruments } = simulatedFlow(commands, 42, 4);
const BATCH = 1024;
const staging = new Float64Array(BATCH * current.COMMAND_SLOT_SIZE);
const options = { initialOrderCapacity: 1 << 18, initialLevelCapacity: 1 << 14, orderIdWindowBits: current.LONG_RUNNING_ORDER_ID_WINDOW_BITS, preTouchMemory: true };

interface Contender { shard: current.Shard; out: current.EventBuffer; ms: number; latency: Float64Array }

function contender(core: Core): Contender {
  const out = new core.EventBuffer(4096, (buffer) => void (buffer.count = 0));
  return { shard: new core.Shard(instruments, options), out, ms: 0, latency: new Float64Array(perCommandLatency ? commands : 0) };
}

function runBatch(c: Contender, first: number, n: number): void {
  const t0 = performance.now();
  if (perCommandLatency) {
    for (let i = 0; i < n; i++) {
      const start = performance.now();
      c.shard.execute(staging, i, c.out);
      c.latency[first + i] = (performance.now() - start) * 1e6;
    }
  } else {
    for (let i = 0; i < n; i++) c.shard.execute(staging, i, c.out);
  }
  c.ms += performance.now() - t0;
}

function tail(c: Contender): string {
  const sorted = c.latency.sort();
  return [0.5, 0.99, 0.999].map((q) => percentile(sorted, q).toFixed(0)).join(' / ');
}

const ratios: number[] = [];
for (let r = 0; r < runs; r++) {
  const pair = [contender(base), contender(current)] as const;
  for (let first = 0; first < commands; first += BATCH) {
    const n = Math.min(BATCH, commands - first);
    staging.set(slots.subarray(first * current.COMMAND_SLOT_SIZE, (first + n) * current.COMMAND_SLOT_SIZE));
    // Alternate which one goes first, so neither always meets the other's cache footprint.
    for (let pass = 0; pass < 2; pass++) {
      runBatch(pair[pass ^ ((first / BATCH) & 1)]!, first, n);
    }
  }
  const [b, c] = pair;
  const perCommand = (ms: number): string => ((ms * 1e6) / commands).toFixed(0);
  process.stdout.write(`run ${r}${r === 0 ? ' (warm-up)' : ''}: base ${perCommand(b.ms)} ns/command, current ${perCommand(c.ms)} ns/command, base/current ${(b.ms / c.ms).toFixed(2)}\n`);
  if (perCommandLatency) process.stdout.write(`  gross latency p50 / p99 / p99.9 ns: base ${tail(b)}, current ${tail(c)}\n`);
  if (r > 0) ratios.push(b.ms / c.ms);
}
process.stdout.write(`median base/current ${median(ratios).toFixed(2)} over ${ratios.length} runs\n`);
