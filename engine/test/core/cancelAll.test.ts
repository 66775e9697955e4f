import { describe, expect, it } from 'vitest';
import { CancelReason, OrderType, RejectReason, Side, type EngineEvent } from '../../src/core/index.js';
import { LOT, SYMBOL, ShardHarness, TICK, ofType, rejection } from './harness.js';

const OTHER_SYMBOL = 8;

/**
 * Account 1 and account 2 share levels: bids 100 (1, 2, 3, 4 alternating accounts) and 99 (5:
 * account 1 alone), asks 101 (6: account 1, 7: account 2) and 102 (8: account 1 alone).
 */
function sharedBook(): ShardHarness {
  const h = new ShardHarness();
  h.submit({ account: 1, side: Side.BUY, price: 100, quantity: 1 });
  h.submit({ account: 2, side: Side.BUY, price: 100, quantity: 2 });
  h.submit({ account: 1, side: Side.BUY, price: 100, quantity: 3 });
  h.submit({ account: 2, side: Side.BUY, price: 100, quantity: 4 });
  h.submit({ account: 1, side: Side.BUY, price: 99, quantity: 5 });
  h.submit({ account: 1, side: Side.SELL, price: 101, quantity: 6 });
  h.submit({ account: 2, side: Side.SELL, price: 101, quantity: 7 });
  h.submit({ account: 1, side: Side.SELL, price: 102, quantity: 8 });
  return h;
}

const types = (events: EngineEvent[]): string[] => events.map((e) => e.type);
const cancelledIds = (events: EngineEvent[]): number[] => ofType(events, 'ORDER_CANCELLED').map((e) => e.orderId);

describe('cancel all orders of an account', () => {
  it('cancels the own orders only, bids then asks, best price and oldest first, and reports the new quote', () => {
    const h = sharedBook();
    const events = h.cancelAll(1);
    expect(cancelledIds(events)).toEqual([1, 3, 5, 6, 8]);
    expect(ofType(events, 'ORDER_CANCELLED').every((e) => e.accountId === 1 && e.reason === CancelReason.USER_REQUESTED && e.leavesQuantity === 0)).toBe(true);
    expect(types(events)).toEqual([...Array<string>(5).fill('ORDER_CANCELLED'), 'QUOTE']);
    expect(ofType(events, 'QUOTE')[0]).toMatchObject({ bidPrice: 100 * TICK, bidSize: 6 * LOT, askPrice: 101 * TICK, askSize: 7 * LOT });
  });

  it("leaves the other account's orders on shared levels with their time priority", () => {
    const h = sharedBook();
    h.cancelAll(1);
    expect(h.book(Side.BUY)).toEqual([[2, 100, 2], [4, 100, 4]]);
    expect(h.book(Side.SELL)).toEqual([[7, 101, 7]]);
    const depth = new Float64Array(30);
    expect(h.shard.readDepth(SYMBOL, Side.BUY, 10, depth)).toBe(1);
    expect(Array.from(depth.subarray(0, 3))).toEqual([100 * TICK, 6 * LOT, 2]);
    const [trade] = ofType(h.submit({ account: 3, side: Side.SELL, price: 100, quantity: 1 }), 'TRADE');
    expect(trade?.makerOrderId).toBe(2);
  });

  it('removes every level it empties and takes the account out of the risk tables', () => {
    const h = new ShardHarness();
    for (const price of [98, 99, 100, 97]) h.submit({ side: Side.BUY, price, quantity: 1 });
    for (const price of [103, 101, 102]) h.submit({ side: Side.SELL, price, quantity: 2 });
    const events = h.cancelAll(1);
    expect(cancelledIds(events)).toEqual([3, 2, 1, 4, 6, 7, 5]);
    expect(h.shard.readDepth(SYMBOL, Side.BUY, 10, new Float64Array(30))).toBe(0);
    expect(h.shard.readDepth(SYMBOL, Side.SELL, 10, new Float64Array(30))).toBe(0);
    expect(ofType(events, 'QUOTE')[0]).toMatchObject({ bidPrice: 0, bidSize: 0, askPrice: 0, askSize: 0 });
    expect(h.shard.state.risk.openOrders[0]).toBe(0);
    h.submit({ side: Side.BUY, price: 100, quantity: 1 });
    expect(h.book(Side.BUY)).toEqual([[8, 100, 1]]);
  });

  it('writes each cancel exactly as a CANCEL of the order would', () => {
    const cancelled = sharedBook();
    const killed = sharedBook();
    // Fills orders 1 and 2 and 2 lots of order 3.
    cancelled.submit({ account: 3, side: Side.SELL, price: 100, quantity: 5 });
    killed.submit({ account: 3, side: Side.SELL, price: 100, quantity: 5 });
    const [viaCancel] = ofType(cancelled.cancel(3, 1), 'ORDER_CANCELLED');
    const [viaCancelAll] = ofType(killed.cancelAll(1), 'ORDER_CANCELLED');
    expect(viaCancelAll).toEqual(viaCancel);
    expect(viaCancelAll).toMatchObject({ orderId: 3, quantity: 3 * LOT, filledQuantity: 2 * LOT, leavesQuantity: 0 });
  });

  it('cancels in every symbol of the shard with symbol 0, symbol by symbol in listing order', () => {
    const h = sharedBook();
    h.addInstrument(OTHER_SYMBOL);
    h.submitRaw(1, 100, Side.SELL, OrderType.LIMIT, 50 * TICK, 1 * LOT, 0, OTHER_SYMBOL);
    h.submitRaw(2, 101, Side.SELL, OrderType.LIMIT, 50 * TICK, 1 * LOT, 0, OTHER_SYMBOL);
    h.submitRaw(1, 102, Side.BUY, OrderType.LIMIT, 49 * TICK, 1 * LOT, 0, OTHER_SYMBOL);
    const events = h.cancelAll(1, 0);
    expect(events.map((e) => [e.type, e.symbolId, 'orderId' in e ? e.orderId : 0])).toEqual([
      ...[1, 3, 5, 6, 8].map((id) => ['ORDER_CANCELLED', SYMBOL, id]),
      ['QUOTE', SYMBOL, 0],
      ['ORDER_CANCELLED', OTHER_SYMBOL, 102],
      ['ORDER_CANCELLED', OTHER_SYMBOL, 100],
      ['QUOTE', OTHER_SYMBOL, 0],
    ]);
    expect(h.shard.restingOrders(OTHER_SYMBOL, Side.SELL).map((o) => o.orderId)).toEqual([101]);
    expect(h.shard.restingOrders(OTHER_SYMBOL, Side.BUY)).toEqual([]);
  });

  it('with a symbol, leaves the orders of the other symbols', () => {
    const h = sharedBook();
    h.addInstrument(OTHER_SYMBOL);
    h.submitRaw(1, 100, Side.SELL, OrderType.LIMIT, 50 * TICK, 1 * LOT, 0, OTHER_SYMBOL);
    expect(cancelledIds(h.cancelAll(1, OTHER_SYMBOL))).toEqual([100]);
    expect(h.book(Side.BUY)).toHaveLength(5);
  });

  it('closes due candles first, as any command moving the clock', () => {
    const h = sharedBook();
    h.submit({ account: 3, side: Side.SELL, price: 100, quantity: 1 });
    const events = h.cancelAll(1, 0, h.now + 3_600_000);
    expect(types(events).slice(0, 4)).toEqual(Array<string>(4).fill('CANDLE_CLOSED'));
    expect(cancelledIds(events)).toEqual([3, 5, 6, 8]);
  });

  it.each([
    ['an unknown symbol', 1, 12_345, RejectReason.UNKNOWN_SYMBOL],
    ['a symbol id that is not an integer', 1, 7.5, RejectReason.UNKNOWN_SYMBOL],
    ['account 0', 0, SYMBOL, RejectReason.INVALID_ACCOUNT],
    ['a negative account', -1, 0, RejectReason.INVALID_ACCOUNT],
    ['a fractional account', 1.5, SYMBOL, RejectReason.INVALID_ACCOUNT],
    ['a NaN account', Number.NaN, 0, RejectReason.INVALID_ACCOUNT],
  ])('rejects %s and changes nothing', (_name, account, symbolId, reason) => {
    const h = sharedBook();
    const before = [h.book(Side.BUY), h.book(Side.SELL)];
    const sequence = h.shard.sequence;
    const events = h.cancelAll(account, symbolId, h.now + 3_600_000);
    expect(types(events)).toEqual(['ORDER_REJECTED']);
    expect(rejection(events)).toBe(reason);
    expect([h.book(Side.BUY), h.book(Side.SELL)]).toEqual(before);
    expect(h.shard.sequence).toBe(sequence + 1);
    expect(h.shard.state.clock[0]).toBe(h.now);
  });

  it('does nothing for an account with nothing resting', () => {
    const h = sharedBook();
    h.submit({ account: 4, side: Side.SELL, price: 100, quantity: 1 });
    const riskAccounts = h.shard.state.risk.accountCount;
    const sequence = h.shard.sequence;
    expect(h.cancelAll(4)).toEqual([]);
    expect(h.cancelAll(9, 0)).toEqual([]);
    expect(h.shard.sequence).toBe(sequence);
    expect(h.shard.state.risk.accountCount).toBe(riskAccounts);
    expect(h.book(Side.BUY)).toHaveLength(4);
  });

  it('cancels a long queue of own orders between foreign ones at many levels', () => {
    const h = new ShardHarness();
    for (let i = 0; i < 60; i++) h.submit({ account: 1 + (i % 3), side: i % 2 === 0 ? Side.BUY : Side.SELL, price: i % 2 === 0 ? 90 + (i % 7) : 100 + (i % 5), quantity: 1 });
    const own = [...h.shard.restingOrders(SYMBOL, Side.BUY), ...h.shard.restingOrders(SYMBOL, Side.SELL)].filter((o) => o.accountId === 2).map((o) => o.orderId);
    const others = [Side.BUY, Side.SELL].map((side) => h.shard.restingOrders(SYMBOL, side).filter((o) => o.accountId !== 2));
    expect(cancelledIds(h.cancelAll(2))).toEqual(own);
    expect([Side.BUY, Side.SELL].map((side) => h.shard.restingOrders(SYMBOL, side))).toEqual(others);
  });
});
