/**
 * `npm run bench -w @mib/engine`: every engine benchmark, each figure a median over several runs
 * with its baseline measured in the same run. A script, not a test. Options (env):
 *   BENCH_RUNS (default 3), BENCH_SHARDS (default 1), BENCH_WAIT (`idle` | `latency`, default idle),
 *   BENCH_ONLY (comma list of ring,core,e2e,grpc).
 * Prints the machine, then one line per figure, then a Markdown table for BENCHMARKS.md.
 */
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { WaitStrategyName } from '../src/ring/index.js';
import { startTsWorker } from '../src/shard/startTsWorker.js';
import { printResults, type BenchResult, type CoreBenchOptions } from './core.js';
import { benchEndToEnd } from './endToEndBench.js';
import { benchGrpc } from './grpcBench.js';
import { benchRing } from './ringBench.js';

const runs = Number(process.env['BENCH_RUNS'] ?? 3);
const shards = Number(process.env['BENCH_SHARDS'] ?? 1);
const wait = (process.env['BENCH_WAIT'] ?? 'idle') as WaitStrategyName;
const only = new Set((process.env['BENCH_ONLY'] ?? 'ring,core,e2e,grpc').split(','));

function machine(): string {
  const cpu = /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? 'unknown CPU';
  const load = loadavg().map((value) => value.toFixed(2)).join(' ');
  return `${availableParallelism()} cores (${cpu}), Node ${process.version}, load average at start ${load}`;
}

async function coreInWorker(options: CoreBenchOptions): Promise<BenchResult[]> {
  const worker = startTsWorker(new URL('./coreBenchWorker.ts', import.meta.url), options, 'core-bench');
  const [results] = (await once(worker, 'message')) as [BenchResult[]];
  await worker.terminate();
  return results.map((result) => ({ ...result, detail: `in a worker thread; ${result.detail}` }));
}

function markdown(results: readonly BenchResult[]): string {
  const format = (value: number, unit: string): string => (unit === 'ns' ? value.toFixed(0) : value < 100 ? value.toFixed(2) : Math.round(value).toLocaleString('en'));
  const rows = results.map((r) => `| ${r.name} | ${format(r.value, r.unit)} ${r.unit} | ${r.baseline === undefined ? '' : `${r.baseline.name}: ${format(r.baseline.value, r.unit)}`} | ${r.ratio === undefined ? '' : `×${r.ratio.toFixed(1)}`} |`);
  return ['| figure | value | baseline (same run) | ratio |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

const started = performance.now();
console.log(`machine: ${machine()}`);
console.log(`settings: BENCH_RUNS=${runs} BENCH_SHARDS=${shards} BENCH_WAIT=${wait}\n`);
const all: BenchResult[] = [];
const section = async (name: string, key: string, run: () => Promise<BenchResult[]>): Promise<void> => {
  if (!only.has(key)) return;
  const t0 = performance.now();
  const results = await run();
  console.log(`## ${name} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  printResults(results);
  console.log('');
  all.push(...results);
};
await section('ring', 'ring', () => benchRing(runs, wait));
await section('core matching and latency', 'core', () => coreInWorker({ runs: Math.max(runs, 3) }));
await section('end to end', 'e2e', () => benchEndToEnd(runs, shards, wait));
await section('gRPC', 'grpc', () => benchGrpc(runs, shards, wait));
console.log(markdown(all));
console.log(`\ntotal ${((performance.now() - started) / 1000).toFixed(0)} s; load average at end ${loadavg().map((value) => value.toFixed(2)).join(' ')}`);
