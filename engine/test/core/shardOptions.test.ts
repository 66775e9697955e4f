import { describe, expect, it } from 'vitest';
import { COMMAND_SLOT_SIZE, EventBuffer, Shard, type ShardOptions } from '../../src/core/index.js';
import { MarketSimulator } from '../../src/simulator/index.js';

const instruments = [1, 2].map((symbolId) => ({ symbolId, tickSize: 1_000_000, lotSize: 100_000_000, initialPrice: 100e8 * symbolId }));
const count = 20_000;
const commands = new Float64Array(count * COMMAND_SLOT_SIZE);
new MarketSimulator({ seed: 11, instruments }).generate(commands, 0, count);

function events(options: ShardOptions): Float64Array {
  const shard = new Shard(instruments, options);
  const out = new EventBuffer(1024);
  shard.executeBatch(commands, 0, count, out);
  return out.slots.slice(0, out.count * 16);
}

describe('shard options', () => {
  it('give the same events whatever the sizing, id window and pre-touched memory', () => {
    const reference = Buffer.from(events({}).buffer);
    expect(reference.length).toBeGreaterThan(count * 128);
    // Byte comparison: toEqual over a million floats takes seconds.
    expect(Buffer.from(events({ initialOrderCapacity: 4, initialLevelCapacity: 2, orderIdWindowBits: 4, preTouchMemory: true }).buffer).equals(reference)).toBe(true);
    expect(Buffer.from(events({ initialOrderCapacity: 1 << 12, orderIdWindowBits: 20, preTouchMemory: true }).buffer).equals(reference)).toBe(true);
  });
});
