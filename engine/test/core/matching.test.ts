import { describe, expect, it } from 'vitest';
import { CancelReason, OrderType, RejectReason, Side } from '../../src/core/index.js';
import { LOT, ShardHarness, TICK, ofType, rejection } from './harness.js';

describe('matching', () => {
  it('fills the best price first and, at one price, the oldest order first', () => {
    const h = new ShardHarness();
    h.submit({ side: Side.SELL, price: 101, quantity: 1, account: 2 }); // 1
    h.submit({ side: Side.SELL, price: 100, quantity: 1, account: 2 }); // 2
    h.submit({ side: Side.SELL, price: 100, quantity: 1, account: 3 }); // 3
    const trades = ofType(h.submit({ side: Side.BUY, price: 101, quantity: 3 }), 'TRADE');
    expect(trades.map((t) => [t.makerOrderId, t.price / TICK])).toEqual([[2, 100], [3, 100], [1, 101]]);
    expect(trades.every((t) => t.takerOrderId === 4 && t.aggressorSide === Side.BUY)).toBe(true);
  });

  it('trades at the resting price, not the incoming limit', () => {
    const h = new ShardHarness();
    h.submit({ side: Side.BUY, price: 100, quantity: 1, account: 2 });
    const [trade] = ofType(h.submit({ side: Side.SELL, price: 90, quantity: 1 }), 'TRADE');
    expect(trade?.price).toBe(100 * TICK);
  });

  it('emits accepted, trade, maker fill, taker fill and quote in that order, numbered without gaps', () => {
    const h = new ShardHarness();
    h.submit({ side: Side.SELL, price: 100, quantity: 5, account: 2 });
    const events = h.submit({ side: Side.BUY, price: 100, quantity: 2 });
    expect(events.map((e) => e.type)).toEqual(['ORDER_ACCEPTED', 'TRADE', 'ORDER_PARTIALLY_FILLED', 'ORDER_FILLED', 'QUOTE']);
    const [makerFill, takerFill] = ofType(events, 'ORDER_PARTIALLY_FILLED').concat(ofType(events, 'ORDER_FILLED'));
    expect(makerFill).toMatchObject({ orderId: 1, filledQuantity: 2 * LOT, leavesQuantity: 3 * LOT, lastFillQuantity: 2 * LOT });
    expect(takerFill).toMatchObject({ orderId: 2, filledQuantity: 2 * LOT, leavesQuantity: 0 });
    expect(events.map((e) => e.sequence)).toEqual([3, 4, 5, 6, 7]);
  });

  it('rests the unfilled part of a limit order at its price', () => {
    const h = new ShardHarness();
    h.submit({ side: Side.SELL, price: 100, quantity: 1, account: 2 });
    h.submit({ side: Side.BUY, price: 102, quantity: 3 });
    expect(h.book(Side.BUY)).toEqual([[2, 102, 2]]);
    expect(h.book(Side.SELL)).toEqual([]);
  });

  it('fills a market order across levels and cancels what is left', () => {
    const h = new ShardHarness();
    h.submit({ side: Side.SELL, price: 100, quantity: 1, account: 2 });
    h.submit({ side: Side.SELL, price: 105, quantity: 1, account: 2 });
    const events = h.submit({ side: Side.BUY, type: OrderType.MARKET, quantity: 5 });
    expect(ofType(events, 'TRADE').map((t) => t.price / TICK)).toEqual([100, 105]);
    expect(ofType(events, 'ORDER_CANCELLED')).toEqual([expect.objectContaining({ orderId: 3, reason: CancelReason.UNFILLED_REMAINDER, filledQuantity: 2 * LOT, leavesQuantity: 0 })]);
    expect(h.book(Side.BUY)).toEqual([]);
  });

  it('rejects a market order when the other side is empty', () => {
    const h = new ShardHarness();
    expect(rejection(h.submit({ side: Side.BUY, type: OrderType.MARKET, quantity: 1 }))).toBe(RejectReason.NO_LIQUIDITY);
  });

  it('cancels the rest of an IOC order instead of resting it', () => {
    const h = new ShardHarness();
    h.submit({ side: Side.SELL, price: 100, quantity: 1, account: 2 });
    h.submit({ side: Side.SELL, price: 101, quantity: 1, account: 2 });
    const events = h.submit({ side: Side.BUY, type: OrderType.IOC, price: 100, quantity: 3 });
    expect(ofType(events, 'TRADE')).toHaveLength(1);
    expect(ofType(events, 'ORDER_CANCELLED')[0]?.reason).toBe(CancelReason.UNFILLED_REMAINDER);
    expect(h.book(Side.BUY)).toEqual([]);
    expect(h.book(Side.SELL)).toEqual([[2, 101, 1]]);
  });

  it('fills a FOK order completely or rejects it without touching the book', () => {
    const h = new ShardHarness();
    h.submit({ side: Side.SELL, price: 100, quantity: 2, account: 2 });
    h.submit({ side: Side.SELL, price: 101, quantity: 2, account: 2 });
    const tooBig = h.submit({ side: Side.BUY, type: OrderType.FOK, price: 101, quantity: 5 });
    expect(tooBig.map((e) => e.type)).toEqual(['ORDER_REJECTED']);
    expect(rejection(tooBig)).toBe(RejectReason.FOK_NOT_FILLABLE);
    expect(h.book(Side.SELL)).toEqual([[1, 100, 2], [2, 101, 2]]);
    const fits = h.submit({ side: Side.BUY, type: OrderType.FOK, price: 101, quantity: 4 });
    expect(ofType(fits, 'TRADE').reduce((sum, t) => sum + t.quantity, 0)).toBe(4 * LOT);
    expect(h.book(Side.SELL)).toEqual([]);
  });

  it('rejects a post-only order that would cross and rests one that would not', () => {
    const h = new ShardHarness();
    h.submit({ side: Side.SELL, price: 100, quantity: 1, account: 2 });
    expect(rejection(h.submit({ side: Side.BUY, type: OrderType.POST_ONLY, price: 100, quantity: 1 }))).toBe(RejectReason.POST_ONLY_WOULD_CROSS);
    expect(rejection(h.submit({ side: Side.BUY, type: OrderType.POST_ONLY, price: 99, quantity: 1 }))).toBeUndefined();
    expect(h.book(Side.BUY)).toEqual([[3, 99, 1]]);
    expect(h.book(Side.SELL)).toEqual([[1, 100, 1]]);
  });

  it('keeps matching correctly after the order and level pools grow', () => {
    const h = new ShardHarness(); // starts with 4 order slots and 2 levels
    for (let i = 0; i < 50; i++) h.submit({ side: Side.SELL, price: 100 + (i % 10), quantity: 1, account: 2 });
    expect(h.book(Side.SELL)).toHaveLength(50);
    const trades = ofType(h.submit({ side: Side.BUY, price: 200, quantity: 50 }), 'TRADE');
    expect(trades).toHaveLength(50);
    expect(trades.map((t) => t.price / TICK)).toEqual([...trades.map((t) => t.price / TICK)].sort((a, b) => a - b));
    expect(h.book(Side.SELL)).toEqual([]);
  });
});
