/**
 * Worker → main thread message throughput: the SPSC ring (batch 1 and 64) against postMessage
 * (one message per post, and 64 per post with the buffer transferred). 128-byte messages.
 */
import { performance } from 'node:perf_hooks';
import { createRingBuffers, RingConsumer, WAIT_STRATEGIES, type WaitStrategyName } from '../src/ring/index.js';
import { startTsWorker } from '../src/shard/startTsWorker.js';
import type { BenchResult } from './core.js';
import { median } from './stats.js';
import type { RingBenchData } from './ringBenchWorker.js';

const workerEntry = new URL('./ringBenchWorker.ts', import.meta.url);

/** Messages per second through the ring; the main thread consumes with blocking waits. */
async function ringRun(count: number, batch: number, strategy: WaitStrategyName): Promise<number> {
  const ring = createRingBuffers({ capacity: 16_384, slotWords: 16 });
  const consumer = new RingConsumer(ring, WAIT_STRATEGIES[strategy]);
  const data: RingBenchData = { transport: 'ring', ring, count, batch, strategy };
  const worker = startTsWorker(workerEntry, data, 'ring-bench');
  await new Promise((resolve) => worker.once('online', resolve));
  let received = 0;
  let start = 0;
  let checksumErrors = 0;
  while (received < count) {
    const ready = consumer.waitForData();
    if (start === 0) start = performance.now();
    const slots = consumer.slots;
    for (let k = 0; k < ready; k++) {
      const at = consumer.offset(k);
      if (slots[at] !== received || slots[at + 1] !== received + 1) checksumErrors++;
      received++;
    }
    consumer.release(ready);
  }
  const seconds = (performance.now() - start) / 1000;
  await worker.terminate();
  if (checksumErrors > 0) throw new Error(`ring delivered ${checksumErrors} wrong messages`);
  return count / seconds;
}

/** Messages per second through postMessage, `batch` messages per post. */
async function postMessageRun(count: number, batch: number): Promise<number> {
  const data: RingBenchData = { transport: 'postMessage', ring: createRingBuffers({ capacity: 2, slotWords: 1 }), count, batch, strategy: 'idle' };
  const worker = startTsWorker(workerEntry, data, 'postmessage-bench');
  let received = 0;
  let start = 0;
  await new Promise<void>((resolve) => {
    worker.on('message', (message: Float64Array) => {
      if (start === 0) start = performance.now();
      received += message.length / 16;
      if (received >= count) resolve();
    });
  });
  const seconds = (performance.now() - start) / 1000;
  await worker.terminate();
  return count / seconds;
}

export async function benchRing(runs: number, strategy: WaitStrategyName): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const [batch, ringCount, postCount] of [[1, 2_000_000, 200_000], [64, 10_000_000, 5_000_000]] as const) {
    await ringRun(ringCount / 10, batch, strategy); // warm-up
    await postMessageRun(postCount / 10, batch);
    const ring: number[] = [];
    const post: number[] = [];
    for (let r = 0; r < runs; r++) {
      ring.push(await ringRun(ringCount, batch, strategy));
      post.push(await postMessageRun(postCount, batch));
    }
    const value = median(ring);
    const baseline = median(post);
    results.push({
      name: `ring throughput, batch ${batch}`,
      value,
      unit: 'messages/s',
      baseline: { name: `postMessage, ${batch} message${batch === 1 ? '' : 's'} per post`, value: baseline },
      ratio: value / baseline,
      detail: `worker → main thread, 128-byte messages, ${strategy} wait strategy, ${ringCount.toLocaleString('en')} via ring / ${postCount.toLocaleString('en')} via postMessage, median of ${runs}`,
    });
  }
  return results;
}
