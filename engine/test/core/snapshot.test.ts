import { describe, expect, it } from 'vitest';
import { COMMAND_SLOT_SIZE, CommandField, EVENT_SLOT_SIZE, EventBuffer, EventType, Shard, Side, encodeCancelAll, type InstrumentSpec } from '../../src/core/index.js';
import { MarketSimulator } from '../../src/simulator/index.js';
import { checkBookInvariants } from './harness.js';

const instruments = [
  { symbolId: 1, tickSize: 1_000_000, lotSize: 100_000_000, initialPrice: 100e8 },
  { symbolId: 2, tickSize: 5_000_000, lotSize: 10_000_000, initialPrice: 250e8 },
];
const specs: InstrumentSpec[] = instruments.map(({ symbolId, tickSize, lotSize }) => ({ symbolId, tickSize, lotSize }));

function run(shard: Shard, commands: Float64Array, from: number, to: number): Float64Array {
  const out = new EventBuffer(1024);
  for (let i = from; i < to; i++) shard.execute(commands, i, out);
  return out.slots.slice(0, out.count * EVENT_SLOT_SIZE);
}

describe('snapshot and restore', () => {
  it('restores the same books, and the restored shard answers later commands with the same events', () => {
    const simulator = new MarketSimulator({ seed: 7, instruments, participants: 20, commandsPerSecond: 2_000 });
    const commands = new Float64Array(12_000 * COMMAND_SLOT_SIZE);
    simulator.generate(commands, 0, 12_000);
    const original = new Shard(specs);
    run(original, commands, 0, 10_000);
    original.state.risk.setLimits(3, 0, 0, 250, 5, 0);

    const restored = Shard.restore(original.snapshot());
    checkBookInvariants(restored);
    for (const { symbolId } of specs) {
      for (const side of [Side.BUY, Side.SELL]) expect(restored.restingOrders(symbolId, side)).toEqual(original.restingOrders(symbolId, side));
      const [a, b] = [new Float64Array(8), new Float64Array(8)];
      original.readQuote(symbolId, a);
      restored.readQuote(symbolId, b);
      expect(b).toEqual(a);
    }
    expect(restored.sequence).toBe(original.sequence);
    expect(run(restored, commands, 10_000, 12_000)).toEqual(run(original, commands, 10_000, 12_000));
  });

  it('answers CANCEL_ALL commands after a restore with the same events as the original', () => {
    const simulator = new MarketSimulator({ seed: 11, instruments, participants: 20, commandsPerSecond: 2_000 });
    const commands = new Float64Array(5_000 * COMMAND_SLOT_SIZE);
    simulator.generate(commands, 0, 5_000);
    const original = new Shard(specs);
    run(original, commands, 0, 5_000);
    const restored = Shard.restore(original.snapshot());

    // Accounts 1–20 in one symbol or in every symbol (0), then an account that never traded.
    const cancels = new Float64Array(21 * COMMAND_SLOT_SIZE);
    const timestamp = commands[4_999 * COMMAND_SLOT_SIZE + CommandField.TIMESTAMP_MS]! + 1;
    for (let account = 1; account <= 21; account++) encodeCancelAll(cancels, account - 1, 100_000 + account, account % 3, account, timestamp);
    const events = run(original, cancels, 0, 21);
    expect(run(restored, cancels, 0, 21)).toEqual(events);
    let cancelled = 0;
    for (let at = 0; at < events.length; at += EVENT_SLOT_SIZE) if (events[at] === EventType.ORDER_CANCELLED) cancelled++;
    expect(cancelled).toBeGreaterThan(10);
    checkBookInvariants(restored);
  });

  it('refuses a snapshot of another version', () => {
    expect(() => Shard.restore(Float64Array.of(99))).toThrow(RangeError);
  });
});
