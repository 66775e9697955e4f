import { describe, expect, it } from 'vitest';
import { COMMAND_SLOT_SIZE, CommandField as C, CommandKind, EventBuffer, OrderType, Shard, decodeEvents } from '../../src/core/index.js';
import { MarketSimulator, SeededRandom } from '../../src/simulator/index.js';

const instrument = { symbolId: 3, tickSize: 1_000_000, lotSize: 100_000_000, initialPrice: 100e8 };

function flow(seed: number, count: number): Float64Array {
  const commands = new Float64Array(count * COMMAND_SLOT_SIZE);
  new MarketSimulator({ seed, instruments: [instrument] }).generate(commands, 0, count);
  return commands;
}

describe('market simulator', () => {
  it('produces the same commands from the same seed and different ones from another', () => {
    expect(flow(1, 2_000)).toEqual(flow(1, 2_000));
    expect(flow(2, 2_000)).not.toEqual(flow(1, 2_000));
  });

  it('writes valid orders on the tick and lot grid with increasing timestamps and a realistic mix', () => {
    const count = 20_000;
    const commands = flow(3, count);
    const kinds = new Map<string, number>();
    let lastTime = 0;
    for (let i = 0; i < count; i++) {
      const b = i * COMMAND_SLOT_SIZE;
      expect(commands[b + C.TIMESTAMP_MS]!).toBeGreaterThanOrEqual(lastTime);
      lastTime = commands[b + C.TIMESTAMP_MS]!;
      const key = commands[b + C.KIND] === CommandKind.CANCEL ? 'cancel' : String(commands[b + C.ORDER_TYPE]);
      kinds.set(key, (kinds.get(key) ?? 0) + 1);
      if (commands[b + C.KIND] !== CommandKind.SUBMIT) continue;
      expect(commands[b + C.QUANTITY]! % instrument.lotSize).toBe(0);
      if (commands[b + C.ORDER_TYPE] !== OrderType.MARKET) {
        expect(commands[b + C.PRICE]!).toBeGreaterThan(0);
        expect(commands[b + C.PRICE]! % instrument.tickSize).toBe(0);
      }
    }
    expect((kinds.get(String(OrderType.LIMIT)) ?? 0) / count).toBeCloseTo(0.55, 1);
    expect((kinds.get('cancel') ?? 0) / count).toBeGreaterThan(0.2);
    expect(kinds.get(String(OrderType.MARKET))).toBeGreaterThan(0);
    expect(kinds.get(String(OrderType.IOC))).toBeGreaterThan(0);
  });

  it('drives a shard with trades and only rejects cancels of orders that already left the book', () => {
    const count = 20_000;
    const commands = flow(4, count);
    const shard = new Shard([{ symbolId: 3, tickSize: instrument.tickSize, lotSize: instrument.lotSize }]);
    const out = new EventBuffer(256);
    let trades = 0;
    const reasons = new Set<number>();
    for (let i = 0; i < count; i++) {
      out.count = 0;
      shard.execute(commands, i, out);
      for (const e of decodeEvents(out.slots, out.count)) {
        if (e.type === 'TRADE') trades++;
        if (e.type === 'ORDER_REJECTED') reasons.add(e.reason);
      }
    }
    expect(trades).toBeGreaterThan(count / 10);
    expect([...reasons].every((r) => r === 112 || r === 303)).toBe(true);
  });

  it('draws normal deviates with mean 0 and variance 1', () => {
    const random = new SeededRandom(11);
    let sum = 0;
    let squares = 0;
    const n = 50_000;
    for (let i = 0; i < n; i++) {
      const z = random.nextNormal();
      sum += z;
      squares += z * z;
    }
    expect(sum / n).toBeCloseTo(0, 1);
    expect(squares / n).toBeCloseTo(1, 1);
  });
});
