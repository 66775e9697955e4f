/**
 * Kafka produce throughput with batching: events/s through `KafkaEventBus.publish` (validation,
 * encoding, idempotent `sendBatch` with acks=all) at batch sizes 1, 100 and 1000, one batch in
 * flight at a time as the engine publishes a shard's events; then one event per call coalesced
 * by `BatchingPublisher`. Median of several runs.
 *
 *   KAFKA_BROKERS=127.0.0.1:9092 npx tsx bench/produce.ts   (infra/kafka/start.sh first)
 *
 * Options (env): BENCH_RUNS (default 5), BENCH_SEED (default 42).
 */
import { randomUUID } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { pino } from 'pino';
import {
  BatchingPublisher,
  KafkaEventBus,
  createEvent,
  parseBrokerList,
  parseEvent,
  type EventOf,
} from '../src/index.js';

const brokers = parseBrokerList(process.env['KAFKA_BROKERS']);
const runs = Number(process.env['BENCH_RUNS'] ?? 5);
const seed = Number(process.env['BENCH_SEED'] ?? 42);
/** Events per run for each batch size: enough for about a second of work at each. */
const plan = [
  { batchSize: 1, events: 2_000 },
  { batchSize: 100, events: 50_000 },
  { batchSize: 1000, events: 200_000 },
];

/** mulberry32: a small seeded PRNG, so every run publishes the same events. */
function seededRandom(state: number): () => number {
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Quotes over 64 symbols with prices around 100, in shard sequence order. */
function generateQuotes(count: number, random: () => number): EventOf<'quote'>[] {
  const occurredAt = new Date(Date.UTC(2026, 10, 24, 8, 0, 0));
  return Array.from({ length: count }, (_, index) => {
    const mid = 100 + random() * 10;
    return createEvent(
      'quote',
      {
        symbol: `SYM${Math.floor(random() * 64)}`,
        bidPrice: (mid - 0.01).toFixed(2),
        bidSize: String(1 + Math.floor(random() * 500)),
        askPrice: (mid + 0.01).toFixed(2),
        askSize: String(1 + Math.floor(random() * 500)),
        lastPrice: mid.toFixed(2),
        lastQuantity: String(1 + Math.floor(random() * 100)),
        vwap: mid.toFixed(4),
        sessionVolume: String(index * 10),
      },
      { source: 'bench', shard: 0, sequence: index + 1, occurredAt },
    );
  });
}

const median = (values: readonly number[]) => {
  const sorted = values.toSorted((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

const format = (value: number) => Math.round(value).toLocaleString('en-US');

async function main(): Promise<void> {
  if (brokers.length === 0) {
    console.log(
      'produce bench skipped: set KAFKA_BROKERS (infra/kafka/start.sh starts a broker on 127.0.0.1:9092)',
    );
    return;
  }
  const random = seededRandom(seed);
  const bus = await KafkaEventBus.connect({
    brokers,
    logger: pino({ level: 'warn' }),
    topicPrefix: `bench-${randomUUID()}.`,
  });
  try {
    const validation = generateQuotes(50_000, random);
    for (const event of validation) parseEvent(event); // warm-up
    const validationStart = performance.now();
    for (const event of validation) parseEvent(event);
    const validationRate = validation.length / ((performance.now() - validationStart) / 1000);

    console.log(
      `Kafka produce throughput (brokers ${brokers.join(',')}; ${runs} runs each, median; seed ${seed})`,
    );
    // Client and broker share the machine; the load says how much the figures can be trusted.
    console.log(
      `  machine: ${cpus().length} cores, load average ${loadavg()
        .map((load) => load.toFixed(1))
        .join(' ')}`,
    );
    console.log(`  parseEvent alone: ${format(validationRate)} events/s`);
    console.log('  batch size | events/run | events/s (median) | min – max | ms per batch (median)');
    for (const { batchSize, events } of plan) {
      const quotes = generateQuotes(events, random);
      const batches = Array.from({ length: Math.ceil(events / batchSize) }, (_, index) =>
        quotes.slice(index * batchSize, (index + 1) * batchSize),
      );
      await bus.publish(batches[0] ?? []); // warm-up: metadata, producer id, JIT
      const rates: number[] = [];
      const batchTimes: number[] = [];
      for (let run = 0; run < runs; run += 1) {
        const start = performance.now();
        for (const batch of batches) await bus.publish(batch);
        const seconds = (performance.now() - start) / 1000;
        rates.push(events / seconds);
        batchTimes.push((seconds * 1000) / batches.length);
      }
      console.log(
        `  ${String(batchSize).padStart(10)} | ${format(events).padStart(10)} | ${format(median(rates)).padStart(17)} | ` +
          `${format(Math.min(...rates))} – ${format(Math.max(...rates))} | ${median(batchTimes).toFixed(2)}`,
      );
    }

    // One event per call, as a shard emits them, coalesced by BatchingPublisher.
    const singles = generateQuotes(50_000, random);
    const publisher = new BatchingPublisher(bus);
    await publisher.publish(singles.slice(0, 1));
    const rates: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      const start = performance.now();
      await Promise.all(singles.map((event) => publisher.publish([event])));
      rates.push(singles.length / ((performance.now() - start) / 1000));
    }
    console.log(
      `  BatchingPublisher, 1 event per call (max 1000, linger 2 ms): ${format(median(rates))} events/s ` +
        `(${format(Math.min(...rates))} – ${format(Math.max(...rates))})`,
    );
  } finally {
    await bus.close();
  }
}

await main();
