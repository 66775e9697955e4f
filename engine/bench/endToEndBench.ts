/**
 * End-to-end orders/s through the shell without gRPC: main thread routes batches into the command
 * rings, shard workers execute them, events come back through the event rings and complete the
 * batches. Baseline: the same orders executed by one core Shard on the main thread, no threads.
 */
import { performance } from 'node:perf_hooks';
import pino from 'pino';
import { COMMAND_SLOT_SIZE, CommandField as C, CommandKind, EventBuffer, Shard } from '../src/core/index.js';
import { DEFAULT_INSTRUMENTS } from '../src/instruments.js';
import type { WaitStrategyName } from '../src/ring/index.js';
import { ShardedEngine } from '../src/shard/shardedEngine.js';
import type { BenchResult } from './core.js';
import { fillFlowOrder, FLOW_ACCOUNTS } from './flow.js';
import { median } from './stats.js';

const NO_LIMITS = { maxOrderQuantity: 0, maxOrderNotional: 0, priceBandBps: 0, maxOpenOrders: 0, maxPosition: 0 };

async function shellRun(orders: number, batch: number, inFlight: number, shards: number, waitStrategy: WaitStrategyName): Promise<number> {
  const engine = await ShardedEngine.start({ instruments: DEFAULT_INSTRUMENTS, shards, waitStrategy, logger: pino({ level: 'silent' }), historyPerShard: 1024 });
  try {
    await engine.setRiskLimits('', NO_LIMITS);
    const symbolIds = engine.registry.instruments.map((instrument) => instrument.symbolId);
    const shardOf = engine.registry.instruments.map((instrument) => instrument.shard);
    const accountIds = Array.from({ length: FLOW_ACCOUNTS }, (_, a) => engine.accounts.idOf(`bench-${a}`));
    const start = performance.now();
    let sent = 0;
    const running = new Set<Promise<unknown>>();
    while (sent < orders) {
      const base = sent;
      const count = Math.min(batch, orders - sent);
      const done = engine.submitBatch(count, (i) => shardOf[(base + i) % shardOf.length] ?? 0, (i, slots, at) => fillFlowOrder(base + i, slots, at, symbolIds, accountIds));
      sent += count;
      running.add(done);
      void done.then(() => running.delete(done));
      if (running.size >= inFlight) await Promise.race(running);
    }
    await Promise.all(running);
    return orders / ((performance.now() - start) / 1000);
  } finally {
    await engine.stop();
  }
}

/** The same orders through one Shard on this thread: the no-threads baseline. */
function singleThreadRun(orders: number): number {
  const shard = new Shard(DEFAULT_INSTRUMENTS.map((_, i) => ({ symbolId: i + 1, tickSize: 1, lotSize: 1 })), { initialOrderCapacity: 1 << 16 });
  const limits = new Float64Array(COMMAND_SLOT_SIZE);
  limits[C.KIND] = CommandKind.SET_RISK_LIMITS;
  const out = new EventBuffer(4096, (buffer) => void (buffer.count = 0));
  shard.execute(limits, 0, out);
  const slots = new Float64Array(4096 * COMMAND_SLOT_SIZE);
  const symbolIds = DEFAULT_INSTRUMENTS.map((_, i) => i + 1);
  const accountIds = Array.from({ length: FLOW_ACCOUNTS }, (_, a) => a + 1);
  const timestamp = Date.now();
  const start = performance.now();
  for (let base = 0; base < orders; base += 4096) {
    const count = Math.min(4096, orders - base);
    for (let i = 0; i < count; i++) {
      const at = i * COMMAND_SLOT_SIZE;
      slots[at + C.KIND] = CommandKind.SUBMIT;
      slots[at + C.REQUEST_ID] = base + i + 1;
      slots[at + C.ORDER_ID] = base + i + 1;
      slots[at + C.TIMESTAMP_MS] = timestamp;
      fillFlowOrder(base + i, slots, at, symbolIds, accountIds);
    }
    for (let i = 0; i < count; i++) shard.execute(slots, i, out);
  }
  return orders / ((performance.now() - start) / 1000);
}

export async function benchEndToEnd(runs: number, shards: number, waitStrategy: WaitStrategyName): Promise<BenchResult[]> {
  const orders = 2_000_000;
  const batch = 4096;
  const inFlight = 8;
  await shellRun(orders / 10, batch, inFlight, shards, waitStrategy);
  singleThreadRun(orders / 10);
  const shell: number[] = [];
  const single: number[] = [];
  for (let r = 0; r < runs; r++) {
    shell.push(await shellRun(orders, batch, inFlight, shards, waitStrategy));
    single.push(singleThreadRun(orders));
  }
  const value = median(shell);
  const baseline = median(single);
  return [
    {
      name: 'end-to-end orders through rings and workers',
      value,
      unit: 'orders/s',
      baseline: { name: 'same orders, one core Shard on the main thread (no rings, no workers)', value: baseline },
      ratio: value / baseline,
      detail: `${orders.toLocaleString('en')} crossing limit orders over 20 symbols, batches of ${batch}, ${inFlight} in flight, ${shards} shard(s), ${waitStrategy} wait, events correlated on the main thread; median of ${runs}`,
    },
  ];
}
