/**
 * Interleaved A/B of where the core writes its events, on one core version and the core bench's
 * flow: two shards alternate per batch of 1 024 commands (as abCore.ts), each with its own sink,
 * and every command is timed (performance.now() around each execute, as core.ts's latency figure).
 * Sinks (env BENCH_SINKS, two of them, default `buffer4096,ring`):
 * - `buffer4096`, `buffer256`: an EventBuffer of that many slots whose publication discards
 *   (core.ts's sink: the same 512 KiB or 32 KiB are rewritten over and over);
 * - `ring`: straight into a 65 536-slot ring (8 MiB) in claimed runs of 4 096 slots, as a shard
 *   worker writes its event ring (shardWorker.ts, ShardPool's default sizes): each slot is
 *   rewritten only a lap later;
 * - `staged`: a 256-slot EventBuffer copied into such a ring between commands once half full
 *   (the copy is timed in ns/command, not in any command's latency).
 * Run: `npx tsx engine/bench/eventSinkAb.ts` (env BENCH_COMMANDS default 1 000 000, BENCH_RUNS
 * default 4, the first a warm-up). Prints ns/command and gross p50 / p99 / p99.9 of each per run.
 */
import { performance } from 'node:perf_hooks';
import { COMMAND_SLOT_SIZE, EVENT_SLOT_SIZE, EventBuffer, LONG_RUNNING_ORDER_ID_WINDOW_BITS, Shard } from '../src/core/index.js';
import { simulatedFlow } from './core.js';
import { percentile } from './stats.js';

type SinkName = 'buffer4096' | 'buffer256' | 'ring' | 'staged';

const commands = Number(process.env['BENCH_COMMANDS'] ?? 1_000_000);
const runs = Number(process.env['BENCH_RUNS'] ?? 4);
const sinks = (process.env['BENCH_SINKS'] ?? 'buffer4096,ring').split(',') as SinkName[];
const { slots, instruments } = simulatedFlow(commands, 42, 4);
const BATCH = 1024;
const RING_SLOTS = 65_536;
const RUN_SLOTS = 4096;
const STAGED_SLOTS = 256;
const staging = new Float64Array(BATCH * COMMAND_SLOT_SIZE);
const options = { initialOrderCapacity: 1 << 18, initialLevelCapacity: 1 << 14, orderIdWindowBits: LONG_RUNNING_ORDER_ID_WINDOW_BITS, preTouchMemory: true };

interface Contender {
  name: SinkName;
  shard: Shard;
  out: EventBuffer;
  /** The event ring of `ring` and `staged` (pre-touched), its next free slot. */
  ring: Float64Array;
  head: number;
  ms: number;
  latency: Float64Array;
}

/** Copies the staged events into the ring, wrapping at its end, and empties the buffer. */
function copyToRing(c: Contender): void {
  const out = c.out;
  for (let k = 0; k < out.count;) {
    const run = Math.min(out.count - k, RING_SLOTS - c.head);
    c.ring.set(out.slots.subarray(k * EVENT_SLOT_SIZE, (k + run) * EVENT_SLOT_SIZE), c.head * EVENT_SLOT_SIZE);
    c.head = (c.head + run) % RING_SLOTS;
    k += run;
  }
  out.count = 0;
}

function contender(name: SinkName): Contender {
  const ring = new Float64Array(name === 'ring' || name === 'staged' ? RING_SLOTS * EVENT_SLOT_SIZE : 0).fill(1);
  const c: Contender = { name, shard: new Shard(instruments, options), out: new EventBuffer(1), ring, head: 0, ms: 0, latency: new Float64Array(commands) };
  if (name === 'buffer4096' || name === 'buffer256') c.out = new EventBuffer(name === 'buffer4096' ? 4096 : 256, (b) => void (b.count = 0));
  else if (name === 'staged') c.out = new EventBuffer(STAGED_SLOTS, () => copyToRing(c));
  else {
    // As shardWorker.ts's claimRun: the next run of ring slots, up to the ring's end.
    c.out = new EventBuffer(0, (b) => {
      c.head = (c.head + b.count) % RING_SLOTS;
      b.base = c.head;
      b.limit = Math.min(RUN_SLOTS, RING_SLOTS - c.head);
      b.count = 0;
    }, ring);
    c.out.limit = RUN_SLOTS;
  }
  return c;
}

function runBatch(c: Contender, first: number, n: number): void {
  const staged = c.name === 'staged';
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    if (staged && c.out.count > STAGED_SLOTS >> 1) copyToRing(c);
    const start = performance.now();
    c.shard.execute(staging, i, c.out);
    c.latency[first + i] = (performance.now() - start) * 1e6;
  }
  c.ms += performance.now() - t0;
}

for (let r = 0; r < runs; r++) {
  const pair = sinks.map(contender);
  for (let first = 0; first < commands; first += BATCH) {
    const n = Math.min(BATCH, commands - first);
    staging.set(slots.subarray(first * COMMAND_SLOT_SIZE, (first + n) * COMMAND_SLOT_SIZE));
    // Alternate which one goes first, so neither always meets the other's cache footprint.
    const lead = (first / BATCH) % pair.length;
    for (let k = 0; k < pair.length; k++) runBatch(pair[(lead + k) % pair.length]!, first, n);
  }
  const line = pair.map((c) => {
    const sorted = c.latency.sort();
    const tail = [0.5, 0.99, 0.999].map((q) => percentile(sorted, q).toFixed(0)).join(' / ');
    return `${c.name} ${((c.ms * 1e6) / commands).toFixed(0)} ns/command, p50 / p99 / p99.9 ${tail} ns`;
  });
  process.stdout.write(`run ${r}${r === 0 ? ' (warm-up)' : ''}: ${line.join('; ')}\n`);
}
