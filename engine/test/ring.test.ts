import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createRingBuffers, RingClosedError, RingConsumer, RingProducer } from '../src/ring/index.js';
import { startTsWorker } from '../src/shard/startTsWorker.js';
import type { RingPeerData } from './fixtures/ringPeerWorker.js';

const peerWorker = new URL('./fixtures/ringPeerWorker.ts', import.meta.url);

function write(producer: RingProducer, values: number[]): void {
  const got = producer.tryClaim(values.length);
  expect(got).toBe(values.length);
  values.forEach((value, k) => (producer.slots[producer.offset(k)] = value));
  producer.publish(values.length);
}

function read(consumer: RingConsumer): number[] {
  const ready = consumer.available();
  const values = Array.from({ length: ready }, (_, k) => consumer.slots[consumer.offset(k)] ?? Number.NaN);
  consumer.release(ready);
  return values;
}

describe('SPSC ring', () => {
  it('rounds capacity up to a power of two', () => {
    expect(createRingBuffers({ capacity: 100, slotWords: 16 }).capacity).toBe(128);
    expect(() => createRingBuffers({ capacity: 1, slotWords: 16 })).toThrow(RangeError);
  });

  it('keeps order across many wrap-arounds', () => {
    const buffers = createRingBuffers({ capacity: 8, slotWords: 2 });
    const producer = new RingProducer(buffers);
    const consumer = new RingConsumer(buffers);
    const seen: number[] = [];
    for (let round = 0; round < 100; round++) {
      write(producer, [round * 5, round * 5 + 1, round * 5 + 2, round * 5 + 3, round * 5 + 4]);
      seen.push(...read(consumer));
    }
    expect(seen).toEqual(Array.from({ length: 500 }, (_, i) => i));
  });

  it('publishes a batch only when publish is called', () => {
    const buffers = createRingBuffers({ capacity: 8, slotWords: 1 });
    const producer = new RingProducer(buffers);
    const consumer = new RingConsumer(buffers);
    expect(producer.tryClaim(3)).toBe(3);
    producer.slots[producer.offset(0)] = 7;
    expect(consumer.available()).toBe(0);
    producer.publish(3);
    expect(consumer.available()).toBe(3);
  });

  it('refuses to claim past a full ring and resumes after release', () => {
    const buffers = createRingBuffers({ capacity: 4, slotWords: 1 });
    const producer = new RingProducer(buffers);
    const consumer = new RingConsumer(buffers);
    write(producer, [1, 2, 3]);
    expect(producer.tryClaim(5)).toBe(1);
    write(producer, [4]);
    expect(producer.tryClaim(1)).toBe(0);
    expect(read(consumer)).toEqual([1, 2, 3, 4]);
    expect(producer.tryClaim(10)).toBe(4);
  });

  it('makes claimAsync wait for space on a full ring instead of dropping', async () => {
    const buffers = createRingBuffers({ capacity: 2, slotWords: 1 });
    const producer = new RingProducer(buffers);
    const consumer = new RingConsumer(buffers);
    write(producer, [1, 2]);
    const claim = producer.claimAsync(2);
    expect(claim).toBeInstanceOf(Promise);
    let settled = false;
    void Promise.resolve(claim).then(() => (settled = true));
    await new Promise(setImmediate);
    expect(settled).toBe(false);
    expect(read(consumer)).toEqual([1, 2]);
    await expect(claim).resolves.toBe(2);
  });

  it('rejects a waiting claim when the ring is closed', async () => {
    const buffers = createRingBuffers({ capacity: 2, slotWords: 1 });
    const producer = new RingProducer(buffers);
    const consumer = new RingConsumer(buffers);
    write(producer, [1, 2]);
    const claim = producer.claimAsync(1);
    consumer.close();
    await expect(claim).rejects.toBeInstanceOf(RingClosedError);
  });

  it('wakes a parked async consumer when data is published', async () => {
    const buffers = createRingBuffers({ capacity: 4, slotWords: 1 });
    const producer = new RingProducer(buffers);
    const consumer = new RingConsumer(buffers);
    const waiting = consumer.waitForDataAsync();
    write(producer, [9]);
    await expect(waiting).resolves.toBe(1);
  });

  it.each([
    ['idle', 10_000_000],
    ['latency', 1_000_000],
  ] as const)('loses and duplicates nothing from a faster worker producer (%s wait, %i messages)', async (strategy, count) => {
    const ring = createRingBuffers({ capacity: 1024, slotWords: 2 });
    const data: RingPeerData = { role: 'produce', ring, count, batch: 64, strategy };
    const worker = startTsWorker(peerWorker, data, 'ring-producer');
    const done = once(worker, 'message') as Promise<[{ fullWaits: number }]>;
    const consumer = new RingConsumer(ring);
    let expected = 0;
    let errors = 0;
    while (expected < count) {
      const ready = await consumer.waitForDataAsync();
      const slots = consumer.slots;
      for (let k = 0; k < ready; k++) {
        const at = consumer.offset(k);
        if (slots[at] !== expected || slots[at + 1] !== expected * 3) errors++;
        expected++;
      }
      consumer.release(ready);
    }
    const [{ fullWaits }] = await done;
    await worker.terminate();
    expect(errors).toBe(0);
    expect(expected).toBe(count);
    expect(consumer.available()).toBe(0);
    // The ring (1024 slots) is far smaller than the flow, so the producer must have waited.
    expect(fullWaits).toBeGreaterThan(0);
  }, 60_000);

  it('applies back-pressure to a main-thread producer feeding a worker', async () => {
    const count = 300_000;
    const ring = createRingBuffers({ capacity: 16, slotWords: 2 });
    const data: RingPeerData = { role: 'consume', ring, count, batch: 0, strategy: 'idle' };
    const worker = startTsWorker(peerWorker, data, 'ring-consumer');
    const done = once(worker, 'message') as Promise<[{ received: number; errors: number }]>;
    const producer = new RingProducer(ring);
    for (let next = 0; next < count; ) {
      const claimed = producer.claimAsync(Math.min(64, count - next));
      const got = typeof claimed === 'number' ? claimed : await claimed;
      for (let k = 0; k < got; k++) {
        const at = producer.offset(k);
        producer.slots[at] = next + k;
        producer.slots[at + 1] = (next + k) * 3;
      }
      producer.publish(got);
      next += got;
    }
    const [result] = await done;
    await worker.terminate();
    expect(result).toEqual({ received: count, errors: 0 });
  }, 60_000);
});

describe('SPSC ring consumer', () => {
  it('sees slots published after a partial release', () => {
    const buffers = createRingBuffers({ capacity: 8, slotWords: 1 });
    const producer = new RingProducer(buffers);
    const consumer = new RingConsumer(buffers);
    write(producer, [1, 2, 3]);
    expect(consumer.available()).toBe(3);
    consumer.release(1);
    write(producer, [4]);
    expect(consumer.available()).toBe(3);
  });
});
