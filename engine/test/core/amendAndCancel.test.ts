import { describe, expect, it } from 'vitest';
import { CancelReason, RejectReason, Side } from '../../src/core/index.js';
import { LOT, ShardHarness, TICK, ofType, rejection } from './harness.js';

function bookOfThreeBids(): ShardHarness {
  const h = new ShardHarness();
  h.submit({ side: Side.BUY, price: 100, quantity: 5 }); // 1
  h.submit({ side: Side.BUY, price: 100, quantity: 5 }); // 2
  h.submit({ side: Side.BUY, price: 100, quantity: 5 }); // 3
  return h;
}

describe('cancel', () => {
  it('removes the order and reports it cancelled by the user', () => {
    const h = bookOfThreeBids();
    const events = h.cancel(2);
    expect(ofType(events, 'ORDER_CANCELLED')).toEqual([expect.objectContaining({ orderId: 2, reason: CancelReason.USER_REQUESTED, leavesQuantity: 0, quantity: 5 * LOT })]);
    expect(h.book(Side.BUY)).toEqual([[1, 100, 5], [3, 100, 5]]);
    expect(ofType(events, 'QUOTE')[0]?.bidSize).toBe(10 * LOT);
  });

  it('removes an emptied price level', () => {
    const h = new ShardHarness();
    h.submit({ side: Side.BUY, price: 100, quantity: 1 });
    h.submit({ side: Side.BUY, price: 99, quantity: 1 });
    h.cancel(1);
    const depth = new Float64Array(30);
    expect(h.shard.readDepth(7, Side.BUY, 10, depth)).toBe(1);
    expect(depth[0]).toBe(99 * TICK);
  });

  it('rejects a cancel of an unknown, filled or already cancelled order', () => {
    const h = bookOfThreeBids();
    expect(rejection(h.cancel(42))).toBe(RejectReason.UNKNOWN_ORDER);
    h.cancel(1);
    expect(rejection(h.cancel(1))).toBe(RejectReason.UNKNOWN_ORDER);
    h.submit({ side: Side.SELL, price: 100, quantity: 5, account: 2 });
    expect(rejection(h.cancel(2))).toBe(RejectReason.UNKNOWN_ORDER);
  });

  it("rejects a cancel of another account's order and leaves it resting", () => {
    const h = bookOfThreeBids();
    const events = h.cancel(2, 9);
    expect(events.map((e) => e.type)).toEqual(['ORDER_REJECTED']);
    expect(rejection(events)).toBe(RejectReason.NOT_ORDER_OWNER);
    expect(h.book(Side.BUY)).toHaveLength(3);
  });
});

describe('amend', () => {
  it('keeps time priority when quantity is reduced', () => {
    const h = bookOfThreeBids();
    const events = h.amend(1, 0, 2);
    expect(ofType(events, 'ORDER_AMENDED')).toEqual([expect.objectContaining({ orderId: 1, price: 100 * TICK, leavesQuantity: 2 * LOT, quantity: 2 * LOT })]);
    expect(h.book(Side.BUY)).toEqual([[1, 100, 2], [2, 100, 5], [3, 100, 5]]);
  });

  it('loses time priority when quantity is increased', () => {
    const h = bookOfThreeBids();
    h.amend(1, 0, 6);
    expect(h.book(Side.BUY)).toEqual([[2, 100, 5], [3, 100, 5], [1, 100, 6]]);
  });

  it('loses time priority when the price changes, even back to the same price', () => {
    const h = bookOfThreeBids();
    h.amend(1, 99, 0);
    h.amend(1, 100, 0);
    expect(h.book(Side.BUY)).toEqual([[2, 100, 5], [3, 100, 5], [1, 100, 5]]);
  });

  it('trades when the new price crosses the book', () => {
    const h = bookOfThreeBids();
    h.submit({ side: Side.SELL, price: 102, quantity: 3, account: 2 }); // 4
    const events = h.amend(1, 102, 0);
    expect(ofType(events, 'TRADE')).toEqual([expect.objectContaining({ makerOrderId: 4, takerOrderId: 1, quantity: 3 * LOT, price: 102 * TICK })]);
    expect(h.book(Side.BUY)[0]).toEqual([1, 102, 2]);
  });

  it('counts filled quantity in the amended order quantity', () => {
    const h = bookOfThreeBids();
    h.submit({ side: Side.SELL, price: 100, quantity: 2, account: 2 });
    const [amended] = ofType(h.amend(1, 0, 1), 'ORDER_AMENDED');
    expect(amended).toMatchObject({ filledQuantity: 2 * LOT, leavesQuantity: 1 * LOT, quantity: 3 * LOT });
  });

  it('rejects an amend that changes nothing, or of an unknown or foreign order', () => {
    const h = bookOfThreeBids();
    expect(rejection(h.amend(1, 100, 5))).toBe(RejectReason.AMEND_NO_CHANGE);
    expect(rejection(h.amend(1, 0, 0))).toBe(RejectReason.AMEND_NO_CHANGE);
    expect(rejection(h.amend(77, 101, 0))).toBe(RejectReason.UNKNOWN_ORDER);
    expect(rejection(h.amend(1, 101, 0, 9))).toBe(RejectReason.NOT_ORDER_OWNER);
    expect(h.book(Side.BUY)).toEqual([[1, 100, 5], [2, 100, 5], [3, 100, 5]]);
  });

  it('rejects an amend of a post-only order to a crossing price', () => {
    const h = new ShardHarness();
    h.submit({ side: Side.SELL, price: 100, quantity: 1, account: 2 });
    h.submit({ side: Side.BUY, price: 99, quantity: 1, type: 5 });
    expect(rejection(h.amend(2, 100, 0))).toBe(RejectReason.POST_ONLY_WOULD_CROSS);
    expect(h.book(Side.BUY)).toEqual([[2, 99, 1]]);
  });
});
