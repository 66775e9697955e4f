import { describe, expect, it } from 'vitest';
import { DEFAULT_RISK_LIMITS, OrderType, RejectReason, Side } from '../../src/core/index.js';
import { LOT, ShardHarness, TICK, ofType, rejection } from './harness.js';

describe('pre-trade risk', () => {
  it('rejects an order above the maximum order quantity', () => {
    const h = new ShardHarness();
    h.setLimits(1, { maxOrderQuantity: 5 * LOT });
    expect(rejection(h.submit({ side: Side.BUY, price: 100, quantity: 6 }))).toBe(RejectReason.MAX_ORDER_QUANTITY_EXCEEDED);
    expect(rejection(h.submit({ side: Side.BUY, price: 100, quantity: 5 }))).toBeUndefined();
  });

  it('rejects an order above the maximum notional', () => {
    const h = new ShardHarness();
    h.setLimits(1, { maxOrderNotional: 1000 * TICK }); // 10.00 in currency units, 1e-8 scaled
    expect(rejection(h.submit({ side: Side.BUY, price: 101, quantity: 10 }))).toBe(RejectReason.MAX_ORDER_NOTIONAL_EXCEEDED);
    expect(rejection(h.submit({ side: Side.BUY, price: 100, quantity: 10 }))).toBeUndefined();
  });

  it('applies no price band before the first trade, then rejects prices outside it', () => {
    const h = new ShardHarness();
    h.setLimits(1, { priceBandBps: 500 });
    expect(rejection(h.submit({ side: Side.BUY, price: 10, quantity: 1 }))).toBeUndefined();
    h.ingestTrade(100, 1);
    expect(rejection(h.submit({ side: Side.BUY, price: 106, quantity: 1 }))).toBe(RejectReason.PRICE_OUTSIDE_BAND);
    expect(rejection(h.submit({ side: Side.SELL, price: 94, quantity: 1 }))).toBe(RejectReason.PRICE_OUTSIDE_BAND);
    expect(rejection(h.submit({ side: Side.BUY, price: 95, quantity: 1 }))).toBeUndefined();
  });

  it('stops a market order at the edge of the price band', () => {
    const h = new ShardHarness();
    h.setLimits(1, { priceBandBps: 500 });
    h.ingestTrade(100, 1);
    h.submit({ side: Side.SELL, price: 104, quantity: 1, account: 2 });
    h.submit({ side: Side.SELL, price: 110, quantity: 1, account: 2 });
    const events = h.submit({ side: Side.BUY, type: OrderType.MARKET, quantity: 2 });
    expect(ofType(events, 'TRADE').map((t) => t.price / TICK)).toEqual([104]);
    expect(h.book(Side.SELL)).toEqual([[2, 110, 1]]);
  });

  it('rejects an order beyond the account maximum of open orders', () => {
    const h = new ShardHarness();
    h.setLimits(1, { maxOpenOrders: 2 });
    h.submit({ side: Side.BUY, price: 100, quantity: 1 });
    h.submit({ side: Side.BUY, price: 99, quantity: 1 });
    expect(rejection(h.submit({ side: Side.BUY, price: 98, quantity: 1 }))).toBe(RejectReason.MAX_OPEN_ORDERS_EXCEEDED);
    h.cancel(1);
    expect(rejection(h.submit({ side: Side.BUY, price: 98, quantity: 1 }))).toBeUndefined();
  });

  it("counts open orders' worst case against the position limit", () => {
    const h = new ShardHarness();
    h.setLimits(1, { maxPosition: 10 * LOT });
    h.submit({ side: Side.BUY, price: 100, quantity: 6 });
    expect(rejection(h.submit({ side: Side.BUY, price: 99, quantity: 5 }))).toBe(RejectReason.POSITION_LIMIT_EXCEEDED);
    expect(rejection(h.submit({ side: Side.BUY, price: 99, quantity: 4 }))).toBeUndefined();
    // Selling reduces the long worst case but may not go short beyond the limit.
    expect(rejection(h.submit({ side: Side.SELL, price: 200, quantity: 11 }))).toBe(RejectReason.POSITION_LIMIT_EXCEEDED);
  });

  it('counts filled quantity in the position', () => {
    const h = new ShardHarness();
    h.setLimits(1, { maxPosition: 10 * LOT });
    h.submit({ side: Side.SELL, price: 100, quantity: 8, account: 2 });
    h.submit({ side: Side.BUY, price: 100, quantity: 8 });
    expect(rejection(h.submit({ side: Side.BUY, price: 90, quantity: 3 }))).toBe(RejectReason.POSITION_LIMIT_EXCEEDED);
    expect(rejection(h.submit({ side: Side.SELL, price: 110, quantity: 18 }))).toBeUndefined();
  });

  it('applies new limits at once, to the next order', () => {
    const h = new ShardHarness();
    expect(rejection(h.submit({ side: Side.BUY, price: 100, quantity: 50 }))).toBeUndefined();
    const [set] = ofType(h.setLimits(1, { maxOrderQuantity: 10 * LOT }), 'RISK_LIMITS_SET');
    expect(set).toMatchObject({ accountId: 1, maxOrderQuantity: 10 * LOT });
    expect(rejection(h.submit({ side: Side.BUY, price: 100, quantity: 50 }))).toBe(RejectReason.MAX_ORDER_QUANTITY_EXCEEDED);
  });

  it('uses the default limits for accounts without their own, and account 0 changes them', () => {
    const h = new ShardHarness({ defaultRiskLimits: DEFAULT_RISK_LIMITS });
    expect(rejection(h.submit({ side: Side.BUY, price: 100, quantity: 1_000_001 }))).toBe(RejectReason.MAX_ORDER_QUANTITY_EXCEEDED);
    h.setLimits(0, { maxOrderQuantity: 2 * LOT });
    expect(rejection(h.submit({ side: Side.BUY, price: 100, quantity: 3, account: 5 }))).toBe(RejectReason.MAX_ORDER_QUANTITY_EXCEEDED);
    h.setLimits(5, {});
    expect(rejection(h.submit({ side: Side.BUY, price: 100, quantity: 3, account: 5 }))).toBeUndefined();
  });

  it('checks an amend against the limits as if the order were new, without counting it twice', () => {
    const h = new ShardHarness();
    h.setLimits(1, { maxPosition: 10 * LOT, maxOpenOrders: 1 });
    h.submit({ side: Side.BUY, price: 100, quantity: 6 });
    expect(rejection(h.amend(1, 0, 10))).toBeUndefined();
    expect(rejection(h.amend(1, 0, 11))).toBe(RejectReason.POSITION_LIMIT_EXCEEDED);
  });
});
