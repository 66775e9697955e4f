/**
 * Which commands make the core's latency tail: runs the core bench's latency loop (core.ts,
 * `performance.now()` around each `execute`, same flow and shard options), then classifies every
 * command by what it did — kind and order type, rejected or not, fills, price levels created
 * and removed on its book, candles closed — and prints for each class its share of all commands,
 * its share of the slowest 1 % and 0.1 %, and its own p50 / p99. The classification is read
 * from the events and the book after each command, outside the timed region.
 * Run: `npx tsx engine/bench/latencyTail.ts` (env BENCH_COMMANDS default 1 000 000, BENCH_RUNS
 * default 3: the last run is analysed, the others warm up).
 */
import { performance } from 'node:perf_hooks';
import { COMMAND_SLOT_SIZE, CommandField as C, CommandKind, EVENT_SLOT_SIZE, EventBuffer, EventType, LONG_RUNNING_ORDER_ID_WINDOW_BITS, OrderType, Shard } from '../src/core/index.js';
import { simulatedFlow } from './core.js';
import { percentile } from './stats.js';

const commands = Number(process.env['BENCH_COMMANDS'] ?? 1_000_000);
const runs = Number(process.env['BENCH_RUNS'] ?? 3);
const { slots, instruments } = simulatedFlow(commands, 42, 4);
const BATCH = 1024;
const staging = new Float64Array(BATCH * COMMAND_SLOT_SIZE);

const latency = new Float64Array(commands);
const labels: string[] = new Array<string>(commands);
const flushed = new Uint8Array(commands);

function kindLabel(kind: number, type: number): string {
  if (kind === CommandKind.CANCEL) return 'cancel';
  if (kind !== CommandKind.SUBMIT) return `kind ${kind}`;
  return type === OrderType.LIMIT ? 'limit' : type === OrderType.MARKET ? 'market' : type === OrderType.IOC ? 'ioc' : `type ${type}`;
}

function run(analyse: boolean): void {
  const shard = new Shard(instruments, { initialOrderCapacity: 1 << 18, initialLevelCapacity: 1 << 14, orderIdWindowBits: LONG_RUNNING_ORDER_ID_WINDOW_BITS, preTouchMemory: true });
  let current = 0;
  // Room for any ordinary command is made before it runs (untimed); onFull still catches sweeps.
  const out = new EventBuffer(4096, (buffer) => {
    flushed[current] = 1;
    buffer.count = 0;
  });
  const books = shard.state.books;
  for (let first = 0; first < commands; first += BATCH) {
    const n = Math.min(BATCH, commands - first);
    staging.set(slots.subarray(first * COMMAND_SLOT_SIZE, (first + n) * COMMAND_SLOT_SIZE));
    for (let i = 0; i < n; i++) {
      current = first + i;
      if (out.count > 4096 - 256) out.count = 0;
      const before = out.count;
      const symbol = shard.state.symbolIndexOf(staging[i * COMMAND_SLOT_SIZE + C.SYMBOL_ID]!);
      const book = books[symbol]!;
      const levelsBefore = book.bids.size + book.asks.size;
      const t0 = performance.now();
      shard.execute(staging, i, out);
      latency[current] = (performance.now() - t0) * 1e6;
      if (!analyse) continue;
      const at = i * COMMAND_SLOT_SIZE;
      let trades = 0;
      let candles = 0;
      let rejected = false;
      for (let e = before; e < out.count; e++) {
        const type = out.slots[e * EVENT_SLOT_SIZE]!;
        if (type === EventType.TRADE) trades++;
        else if (type === EventType.CANDLE_CLOSED) candles++;
        else if (type === EventType.ORDER_REJECTED) rejected = true;
      }
      const levelDelta = book.bids.size + book.asks.size - levelsBefore;
      const kind = kindLabel(staging[at + C.KIND]!, staging[at + C.ORDER_TYPE]!);
      const fills = trades === 0 ? '' : trades === 1 ? ' 1 fill' : trades <= 3 ? ' 2-3 fills' : ' 4+ fills';
      const levels = levelDelta > 0 ? ' +level' : levelDelta < 0 ? ` ${levelDelta} level` : '';
      labels[current] = `${kind}${rejected ? ' rejected' : ''}${fills}${levels}${candles > 0 ? ' candle' : ''}${flushed[current] === 1 ? ' flush' : ''}`;
    }
  }
}

for (let r = 0; r < runs; r++) run(r === runs - 1);

const sorted = Float64Array.from(latency).sort();
const p99 = percentile(sorted, 0.99);
const p999 = percentile(sorted, 0.999);
interface ClassStats { count: number; inP99: number; inP999: number; samples: number[] }
const classes = new Map<string, ClassStats>();
for (let i = 0; i < commands; i++) {
  const label = labels[i]!;
  let stats = classes.get(label);
  if (stats === undefined) classes.set(label, (stats = { count: 0, inP99: 0, inP999: 0, samples: [] }));
  stats.count++;
  stats.samples.push(latency[i]!);
  if (latency[i]! >= p99) stats.inP99++;
  if (latency[i]! >= p999) stats.inP999++;
}
const tailCount = commands - Math.floor(0.99 * commands);
const tail999 = commands - Math.floor(0.999 * commands);
process.stdout.write(`gross latency (clock pair included): p50 ${percentile(sorted, 0.5).toFixed(0)} ns, p99 ${p99.toFixed(0)} ns, p99.9 ${p999.toFixed(0)} ns\n`);
process.stdout.write(`${'class'.padEnd(36)} ${'% all'.padStart(7)} ${'% of p99 tail'.padStart(14)} ${'% of p99.9'.padStart(11)} ${'p50 ns'.padStart(8)} ${'p99 ns'.padStart(8)}\n`);
const rows = [...classes.entries()].sort((a, b) => b[1].inP99 - a[1].inP99);
for (const [label, s] of rows) {
  if (s.inP99 === 0 && s.count < commands / 1000) continue;
  const own = Float64Array.from(s.samples).sort();
  const pct = (x: number, of: number): string => ((100 * x) / of).toFixed(2).padStart(7);
  process.stdout.write(`${label.padEnd(36)} ${pct(s.count, commands)} ${pct(s.inP99, tailCount).padStart(14)} ${pct(s.inP999, tail999).padStart(11)} ${percentile(own, 0.5).toFixed(0).padStart(8)} ${percentile(own, 0.99).toFixed(0).padStart(8)}\n`);
}
