/**
 * Runs the core's throughput loop (core.ts) repeatedly on the main thread, for profilers and
 * A/B comparisons: `node --cpu-prof --import tsx engine/bench/profileCore.ts` (or `--prof`,
 * `--trace-deopt`). Prints per run commands/s by wall clock and by the process's CPU time (the
 * latter is less disturbed when other processes share the cores). Env: BENCH_COMMANDS (default
 * 1 000 000), BENCH_RUNS (default 8).
 */
import { performance } from 'node:perf_hooks';
import { COMMAND_SLOT_SIZE, EventBuffer, LONG_RUNNING_ORDER_ID_WINDOW_BITS, Shard } from '../src/core/index.js';
import { simulatedFlow } from './core.js';

const commands = Number(process.env['BENCH_COMMANDS'] ?? 1_000_000);
const runs = Number(process.env['BENCH_RUNS'] ?? 8);
const { slots, instruments } = simulatedFlow(commands, 42, 4);
const BATCH = 1024;
const staging = new Float64Array(BATCH * COMMAND_SLOT_SIZE);
for (let r = 0; r < runs; r++) {
  const shard = new Shard(instruments, { initialOrderCapacity: 1 << 18, initialLevelCapacity: 1 << 14, orderIdWindowBits: LONG_RUNNING_ORDER_ID_WINDOW_BITS, preTouchMemory: true });
  let events = 0;
  const out = new EventBuffer(4096, (buffer) => {
    events += buffer.count;
    buffer.count = 0;
  });
  let wallMs = 0;
  let cpuUs = 0;
  for (let first = 0; first < commands; first += BATCH) {
    const n = Math.min(BATCH, commands - first);
    staging.set(slots.subarray(first * COMMAND_SLOT_SIZE, (first + n) * COMMAND_SLOT_SIZE));
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    for (let i = 0; i < n; i++) shard.execute(staging, i, out);
    wallMs += performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    cpuUs += cpu.user + cpu.system;
  }
  events += out.count;
  const rate = (x: number): string => Math.round(x).toLocaleString('en');
  process.stdout.write(`run ${r}: ${rate(commands / (wallMs / 1000))} commands/s wall, ${rate(commands / (cpuUs / 1e6))} by CPU time, ${(events / commands).toFixed(2)} events/command\n`);
}
