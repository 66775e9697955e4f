import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMAND_SLOT_SIZE, EventBuffer, Shard, decodeEvents } from '../../src/core/index.js';
import { checkBookInvariants } from './harness.js';

/** Field values a broken or hostile producer might write. */
const field = fc.oneof(
  fc.integer({ min: -2, max: 8 }),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 0.5, 2 ** 53, 2 ** 60, Number.MAX_VALUE, 1e6, 1e8, 1e10),
  fc.double(),
);
const slot = fc.array(field, { minLength: COMMAND_SLOT_SIZE, maxLength: COMMAND_SLOT_SIZE });

describe('malformed command slots', () => {
  it('never throw, keep the book consistent and number events without gaps', () => {
    fc.assert(
      fc.property(fc.array(slot, { minLength: 1, maxLength: 60 }), (slots) => {
        const shard = new Shard([{ symbolId: 1, tickSize: 1, lotSize: 1 }, { symbolId: 2, tickSize: 1_000_000, lotSize: 100_000_000 }]);
        const commands = new Float64Array(slots.flat());
        const out = new EventBuffer(4);
        for (let i = 0; i < slots.length; i++) {
          shard.execute(commands, i, out);
          checkBookInvariants(shard);
        }
        const sequences = decodeEvents(out.slots, out.count).map((e) => e.sequence);
        expect(sequences).toEqual(sequences.map((_, i) => i + 1));
      }),
      { numRuns: 300 },
    );
  });
});

describe('event buffer', () => {
  it('hands full buffers to onFull and keeps numbering across them', () => {
    const published: number[] = [];
    const out = new EventBuffer(2, (buffer) => {
      for (const e of decodeEvents(buffer.slots, buffer.count)) published.push(e.sequence);
      buffer.count = 0;
    });
    const shard = new Shard([{ symbolId: 1, tickSize: 1, lotSize: 1 }]);
    const commands = new Float64Array(COMMAND_SLOT_SIZE * 11);
    for (let i = 0; i < 10; i++) commands.set([1, i, 1, 2, i + 1, 2, 1, 100 + i, 1, 0, 0], i * COMMAND_SLOT_SIZE);
    commands.set([1, 10, 1, 1, 11, 1, 2, 0, 10, 0, 0], 10 * COMMAND_SLOT_SIZE); // market buy sweeping all ten asks
    for (let i = 0; i < 11; i++) shard.execute(commands, i, out);
    for (const e of decodeEvents(out.slots, out.count)) published.push(e.sequence);
    expect(published).toEqual(Array.from({ length: shard.sequence }, (_, i) => i + 1));
    expect(out.slots.length).toBe(2 * 16);
  });
});
