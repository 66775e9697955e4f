import { describe, expect, it } from 'vitest';
import { Side } from '../../src/core/index.js';
import { ShardHarness } from './harness.js';

describe('smoke', () => {
  it('matches a crossing order', () => {
    const h = new ShardHarness();
    h.submit({ side: Side.SELL, price: 100, quantity: 5, account: 2 });
    const events = h.submit({ side: Side.BUY, price: 101, quantity: 3 });
    expect(events.map((e) => e.type)).toEqual(['ORDER_ACCEPTED', 'TRADE', 'ORDER_PARTIALLY_FILLED', 'ORDER_FILLED', 'QUOTE']);
    expect(h.book(Side.SELL)).toEqual([[1, 100, 2]]);
  });
});
