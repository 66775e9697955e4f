import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventType, OrderType, RejectReason, Side, StpMode } from '../src/core/layout.js';
import { DEFAULT_INSTRUMENTS } from '../src/instruments.js';
import { ShardedEngine } from '../src/shard/shardedEngine.js';

const UNITS = 100_000_000;

describe('sharded engine shell', () => {
  let engine: ShardedEngine;
  beforeAll(async () => {
    engine = await ShardedEngine.start({ instruments: DEFAULT_INSTRUMENTS, shards: 2, waitStrategy: 'idle', logger: pino({ level: 'silent' }) });
  });
  afterAll(async () => {
    await engine.stop();
  });

  it('accepts, rests and matches orders routed to the owning shard', async () => {
    const sell = await engine.submitOrder({ symbol: 'AAPL', accountId: 'a', side: Side.SELL, orderType: OrderType.LIMIT, price: 190 * UNITS, quantity: 10 * UNITS, stpMode: StpMode.NONE });
    expect(sell.lastEventType).toBe(EventType.ORDER_ACCEPTED);
    expect(sell.leavesQuantity).toBe(10 * UNITS);
    const buy = await engine.submitOrder({ symbol: 'AAPL', accountId: 'b', side: Side.BUY, orderType: OrderType.LIMIT, price: 191 * UNITS, quantity: 4 * UNITS, stpMode: StpMode.NONE });
    expect(buy.lastEventType).toBe(EventType.ORDER_FILLED);
    expect(buy.fills).toEqual([expect.objectContaining({ price: 190 * UNITS, quantity: 4 * UNITS, makerOrderId: sell.orderId })]);
    const book = await engine.orderBook(engine.registry.bySymbolName('AAPL')!, 5);
    expect(Array.from(book.asks)).toEqual([190 * UNITS, 6 * UNITS, 1]);
    expect(book.bids.length).toBe(0);
  });

  it('rejects an off-tick price with the core reason', async () => {
    const outcome = await engine.submitOrder({ symbol: 'MSFT', accountId: 'a', side: Side.BUY, orderType: OrderType.LIMIT, price: 100.001 * UNITS, quantity: UNITS, stpMode: StpMode.NONE });
    expect(outcome.lastEventType).toBe(EventType.ORDER_REJECTED);
    expect(outcome.reason).toBe(RejectReason.PRICE_OFF_TICK);
  });

  it('routes a batch across shards and reports rejections by index', async () => {
    const symbols = engine.registry.instruments.filter((instrument) => instrument.symbol !== 'AAPL');
    const account = engine.accounts.idOf('bulk');
    const result = await engine.submitBatch(
      1000,
      (i) => symbols[i % symbols.length]!.shard,
      (i, slots, at) => {
        slots[at + 2] = symbols[i % symbols.length]!.symbolId;
        slots[at + 3] = account;
        slots[at + 5] = Side.BUY;
        slots[at + 6] = OrderType.LIMIT;
        slots[at + 7] = i === 7 ? -1 : 1 * UNITS;
        slots[at + 8] = 1000 * UNITS;
        slots[at + 9] = 0;
      },
    );
    expect([...result.rejections]).toEqual([[7, RejectReason.INVALID_PRICE]]);
  });
});
