import { describe, expect, it } from 'vitest';
import { COMMAND_SLOT_SIZE, EventBuffer, QUOTE_VALUES, Shard, Side, decodeEvents, encodeAdvanceTime, encodeIngestTrade } from '../../src/core/index.js';
import { LOT, SYMBOL, ShardHarness, TICK, ofType } from './harness.js';

/** An instant on a whole hour (so also on a whole minute and second). */
const T0 = 1_699_999_200_000;
const SECOND = 1_000;

describe('quotes', () => {
  it('publishes a quote when the top of book changes and not otherwise', () => {
    const h = new ShardHarness();
    expect(ofType(h.submit({ side: Side.BUY, price: 100, quantity: 2 }), 'QUOTE')).toEqual([expect.objectContaining({ bidPrice: 100 * TICK, bidSize: 2 * LOT, askPrice: 0, askSize: 0 })]);
    expect(ofType(h.submit({ side: Side.BUY, price: 90, quantity: 1 }), 'QUOTE')).toEqual([]);
    expect(ofType(h.submit({ side: Side.SELL, price: 110, quantity: 3, account: 2 }), 'QUOTE')).toEqual([expect.objectContaining({ askPrice: 110 * TICK, askSize: 3 * LOT })]);
  });

  it('publishes the last trade and answers quote queries', () => {
    const h = new ShardHarness();
    h.submit({ side: Side.SELL, price: 100, quantity: 2, account: 2 });
    const [quote] = ofType(h.submit({ side: Side.BUY, price: 100, quantity: 1 }), 'QUOTE');
    expect(quote).toMatchObject({ lastPrice: 100 * TICK, lastQuantity: LOT, askSize: LOT, sessionVolume: LOT });
    const out = new Float64Array(QUOTE_VALUES);
    expect(h.shard.readQuote(SYMBOL, out)).toBe(true);
    expect(Array.from(out)).toEqual([0, 0, 100 * TICK, LOT, 100 * TICK, LOT, 100 * TICK, LOT]);
    expect(h.shard.readQuote(999, out)).toBe(false);
  });
});

describe('VWAP', () => {
  it('is the volume-weighted average of the session trades, ingested prints included', () => {
    const h = new ShardHarness();
    h.submit({ side: Side.SELL, price: 100, quantity: 1, account: 2 });
    h.submit({ side: Side.SELL, price: 103, quantity: 3, account: 2 });
    h.submit({ side: Side.BUY, price: 103, quantity: 4 });
    const [quote] = ofType(h.ingestTrade(110, 4), 'QUOTE');
    expect(quote?.vwap).toBeCloseTo(((100 * 1 + 103 * 3 + 110 * 4) / 8) * TICK, 3);
    expect(quote?.sessionVolume).toBe(8 * LOT);
  });
});

describe('candles', () => {
  it('rolls over the 1 s candle when a later command crosses the boundary', () => {
    const h = new ShardHarness();
    h.ingestTrade(100, 1, T0 + 100);
    h.ingestTrade(105, 2, T0 + 200);
    h.ingestTrade(95, 1, T0 + 300);
    h.ingestTrade(101, 1, T0 + 900);
    expect(ofType(h.ingestTrade(102, 1, T0 + 999), 'CANDLE_CLOSED')).toEqual([]);
    const closed = ofType(h.ingestTrade(120, 1, T0 + SECOND + 5), 'CANDLE_CLOSED');
    expect(closed).toEqual([expect.objectContaining({
      intervalMs: 1000, openTimeMs: T0, open: 100 * TICK, high: 105 * TICK, low: 95 * TICK, close: 102 * TICK, volume: 6 * LOT, tradeCount: 5,
    })]);
    expect(closed[0]?.vwap).toBeCloseTo(((100 + 210 + 95 + 101 + 102) / 6) * TICK, 3);
  });

  it('closes every interval whose end has passed, shortest first, and skips intervals without trades', () => {
    const h = new ShardHarness();
    h.ingestTrade(100, 1, T0);
    const events = h.advanceTime(T0 + 3_600_000);
    expect(ofType(events, 'CANDLE_CLOSED').map((c) => c.intervalMs)).toEqual([1000, 60_000, 300_000, 3_600_000]);
    expect(ofType(h.advanceTime(T0 + 7_200_000), 'CANDLE_CLOSED')).toEqual([]);
  });

  it('aligns candles to the epoch and closes them on a heartbeat for all symbols', () => {
    const h = new ShardHarness();
    h.ingestTrade(100, 1, T0 + 61_500);
    const closed = ofType(h.advanceTime(T0 + 62_000, 0), 'CANDLE_CLOSED');
    expect(closed).toEqual([expect.objectContaining({ intervalMs: 1000, openTimeMs: T0 + 61_000 })]);
    const minute = ofType(h.advanceTime(T0 + 120_000, 0), 'CANDLE_CLOSED');
    expect(minute).toEqual([expect.objectContaining({ intervalMs: 60_000, openTimeMs: T0 + 60_000 })]);
  });

  it('puts candle closes before the events of the command that crossed the boundary', () => {
    const h = new ShardHarness();
    h.ingestTrade(100, 1, T0);
    h.now = T0 + 1_500;
    const events = h.submit({ side: Side.BUY, price: 99, quantity: 1 });
    expect(events.map((e) => e.type)).toEqual(['CANDLE_CLOSED', 'ORDER_ACCEPTED', 'QUOTE']);
  });

  it('stamps each symbol its own clock on a heartbeat for all symbols', () => {
    const shard = new Shard([{ symbolId: 1, tickSize: 1, lotSize: 1 }, { symbolId: 2, tickSize: 1, lotSize: 1 }]);
    const commands = new Float64Array(COMMAND_SLOT_SIZE);
    const out = new EventBuffer(16);
    const run = (): void => shard.execute(commands, 0, out);
    encodeIngestTrade(commands, 0, 1, 1, 0, 100, 1, T0 + 10_000);
    run();
    encodeIngestTrade(commands, 0, 2, 2, 0, 100, 1, T0);
    run();
    out.count = 0;
    encodeAdvanceTime(commands, 0, 3, 0, T0 + 2_000);
    run();
    const closed = decodeEvents(out.slots, out.count);
    expect(closed).toEqual([expect.objectContaining({ type: 'CANDLE_CLOSED', symbolId: 2, timestampMs: T0 + 2_000 })]);
  });

  it('never moves a symbol clock backwards', () => {
    const h = new ShardHarness();
    h.ingestTrade(100, 1, T0 + 5_000);
    const [trade] = ofType(h.ingestTrade(100, 1, T0), 'TRADE');
    expect(trade?.timestampMs).toBe(T0 + 5_000);
  });
});
