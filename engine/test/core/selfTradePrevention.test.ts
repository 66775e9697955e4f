import { describe, expect, it } from 'vitest';
import { CancelReason, OrderType, Side, StpMode } from '../../src/core/index.js';
import { ShardHarness, ofType } from './harness.js';

/** Asks: 1 (account 1) then 2 (account 2), both 1 lot at 100. */
function bookWithOwnOrderFirst(): ShardHarness {
  const h = new ShardHarness();
  h.submit({ side: Side.SELL, price: 100, quantity: 1, account: 1 });
  h.submit({ side: Side.SELL, price: 100, quantity: 1, account: 2 });
  return h;
}

describe('self-trade prevention', () => {
  it('trades with itself when the mode is NONE', () => {
    const h = bookWithOwnOrderFirst();
    const trades = ofType(h.submit({ side: Side.BUY, price: 100, quantity: 1, account: 1 }), 'TRADE');
    expect(trades.map((t) => [t.makerAccountId, t.takerAccountId])).toEqual([[1, 1]]);
  });

  it('cancels the resting order and keeps matching under CANCEL_RESTING', () => {
    const h = bookWithOwnOrderFirst();
    const events = h.submit({ side: Side.BUY, price: 100, quantity: 1, account: 1, stp: StpMode.CANCEL_RESTING });
    expect(ofType(events, 'ORDER_CANCELLED')).toEqual([expect.objectContaining({ orderId: 1, reason: CancelReason.SELF_TRADE_PREVENTION })]);
    expect(ofType(events, 'TRADE').map((t) => t.makerOrderId)).toEqual([2]);
    expect(h.book(Side.SELL)).toEqual([]);
  });

  it('cancels the rest of the incoming order under CANCEL_INCOMING, keeping the resting one', () => {
    const h = new ShardHarness();
    h.submit({ side: Side.SELL, price: 99, quantity: 1, account: 2 });
    h.submit({ side: Side.SELL, price: 100, quantity: 1, account: 1 });
    const events = h.submit({ side: Side.BUY, price: 100, quantity: 3, account: 1, stp: StpMode.CANCEL_INCOMING });
    expect(ofType(events, 'TRADE').map((t) => t.makerOrderId)).toEqual([1]);
    expect(ofType(events, 'ORDER_CANCELLED')).toEqual([expect.objectContaining({ orderId: 3, reason: CancelReason.SELF_TRADE_PREVENTION, filledQuantity: 100_000_000 })]);
    expect(h.book(Side.SELL)).toEqual([[2, 100, 1]]);
    expect(h.book(Side.BUY)).toEqual([]);
  });

  it('cancels both orders under CANCEL_BOTH', () => {
    const h = bookWithOwnOrderFirst();
    const events = h.submit({ side: Side.BUY, price: 100, quantity: 1, account: 1, stp: StpMode.CANCEL_BOTH });
    expect(ofType(events, 'ORDER_CANCELLED').map((c) => c.orderId)).toEqual([1, 3]);
    expect(ofType(events, 'TRADE')).toEqual([]);
    expect(h.book(Side.SELL)).toEqual([[2, 100, 1]]);
  });

  it('counts own resting orders as unavailable when checking a FOK order', () => {
    const h = bookWithOwnOrderFirst();
    const rejected = h.submit({ side: Side.BUY, type: OrderType.FOK, price: 100, quantity: 2, account: 1, stp: StpMode.CANCEL_RESTING });
    expect(rejected.map((e) => e.type)).toEqual(['ORDER_REJECTED']);
    expect(h.book(Side.SELL)).toHaveLength(2);
  });
});
