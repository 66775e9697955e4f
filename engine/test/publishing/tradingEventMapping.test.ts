/**
 * The mapping from the core's events to TradingEvents over a whole simulated market: every event
 * either becomes an event that passes `parseEvent`, or is a kind the protocol has no place for.
 */
import { parseEvent, type TradingEvent } from '@mib/events';
import { describe, expect, it } from 'vitest';
import { COMMAND_SLOT_SIZE, CommandKind, decodeEvent, EventBuffer, Shard } from '../../src/core/index.js';
import { ShardEventMapper } from '../../src/publishing/tradingEvents.js';
import { MarketSimulator } from '../../src/simulator/index.js';

const instruments = [1, 2, 3].map((symbolId) => ({
  symbolId,
  tickSize: 1_000_000,
  lotSize: 100_000_000,
  initialPrice: (100 + 20 * symbolId) * 100_000_000,
  volatility: 0.8,
}));

function simulatedEvents(commands: number): { events: ReturnType<typeof decodeEvent>[] } {
  const slots = new Float64Array((commands + 1) * COMMAND_SLOT_SIZE);
  new MarketSimulator({ seed: 7, instruments, commandsPerSecond: 200 }).generate(slots, 0, commands);
  // A last heartbeat far in the future closes every open candle.
  const last = commands * COMMAND_SLOT_SIZE;
  slots[last] = CommandKind.ADVANCE_TIME;
  slots[last + 1] = commands + 1;
  slots[last + 10] = slots[last - COMMAND_SLOT_SIZE + 10]! + 10 * 3_600_000;
  const shard = new Shard(
    instruments.map(({ symbolId, tickSize, lotSize }) => ({ symbolId, tickSize, lotSize })),
  );
  const out = new EventBuffer(1024);
  for (let i = 0; i <= commands; i++) shard.execute(slots, i, out);
  return { events: Array.from({ length: out.count }, (_, i) => decodeEvent(out.slots, i)) };
}

describe('ShardEventMapper', () => {
  it('maps every event of a simulated market to a valid TradingEvent, keeping shard and sequence', () => {
    const { events } = simulatedEvents(20_000);
    const mapper = new ShardEventMapper(3, {
      symbolOf: (id) => (id > 0 && id <= 3 ? `SYM${id}` : ''),
      accountOf: (id) => (id > 0 ? `account-${id}` : ''),
    });
    const published: TradingEvent[] = [];
    for (const event of events) {
      const mapped = mapper.map(event);
      if (mapped === undefined) continue;
      expect(parseEvent(JSON.parse(JSON.stringify(mapped)))).toEqual(mapped);
      expect(mapped).toMatchObject({ shard: 3, sequence: event.sequence, source: 'engine' });
      published.push(mapped);
    }
    const types = new Set(published.map((event) => event.type));
    for (const type of [
      'order.accepted',
      'order.filled',
      'order.partially_filled',
      'order.cancelled',
      'trade',
      'quote',
      'candle.closed',
    ])
      expect(types).toContain(type);
    expect(published.length).toBeGreaterThan(events.length * 0.9);
    // A fill carries the trade it belongs to: the TRADE right before it.
    const trades = new Map(
      published.filter((event) => event.type === 'trade').map((event) => [event.payload.tradeId, event]),
    );
    for (const event of published) {
      if (event.type === 'order.filled' || event.type === 'order.partially_filled') {
        expect(trades.get(event.payload.tradeId)?.payload.price).toBe(event.payload.lastFillPrice);
      }
    }
  });
});
