/**
 * Producer side of the ring and postMessage benchmarks: sends `count` 128-byte messages (word 0 =
 * sequence, word 1 = a check value), through the ring in batches of `batch`, or by postMessage
 * one message (batch 1) or `batch` messages per post.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { RingProducer, WAIT_STRATEGIES, type RingBuffers, type WaitStrategyName } from '../src/ring/index.js';

export interface RingBenchData {
  readonly transport: 'ring' | 'postMessage';
  readonly ring: RingBuffers;
  readonly count: number;
  readonly batch: number;
  readonly strategy: WaitStrategyName;
}

const { data } = workerData as { data: RingBenchData };
const strategy = data.strategy;
const port = parentPort!;

if (data.transport === 'ring') {
  const producer = new RingProducer(data.ring, WAIT_STRATEGIES[strategy]);
  const slots = producer.slots;
  for (let next = 0; next < data.count; ) {
    const got = producer.claim(Math.min(data.batch, data.count - next));
    for (let k = 0; k < got; k++) {
      const at = producer.offset(k);
      slots[at] = next + k;
      slots[at + 1] = next + k + 1;
    }
    producer.publish(got);
    next += got;
  }
} else {
  for (let next = 0; next < data.count; next += data.batch) {
    const message = new Float64Array(Math.min(data.batch, data.count - next) * 16);
    for (let k = 0; k * 16 < message.length; k++) {
      message[k * 16] = next + k;
      message[k * 16 + 1] = next + k + 1;
    }
    port.postMessage(message, [message.buffer]);
  }
}
