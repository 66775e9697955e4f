import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { CommandField, EventType, OrderType, Side, StpMode } from '../src/core/index.js';
import { DEFAULT_INSTRUMENTS } from '../src/instruments.js';
import { EngineBusyError, ShardedEngine } from '../src/shard/shardedEngine.js';

describe('back-pressure through the shell', () => {
  it('queues behind a full command ring in order and loses no accepted order', async () => {
    // 1 024-slot rings (the minimum) against 20 000 orders sent at once: most wait in the overflow queue.
    const engine = await ShardedEngine.start({ instruments: DEFAULT_INSTRUMENTS, shards: 2, waitStrategy: 'idle', ringCapacity: 1024, logger: pino({ level: 'silent' }) });
    try {
      const outcomes = await Promise.all(
        Array.from({ length: 20_000 }, (_, i) =>
          engine.submitOrder({ symbol: i % 2 === 0 ? 'AAPL' : 'EURUSD', accountId: `bp-${i % 7}`, side: Side.BUY, orderType: OrderType.LIMIT, price: (1 + (i % 50)) * 1e6, quantity: i % 2 === 0 ? 1e8 : 1000e8, stpMode: StpMode.NONE }),
        ),
      );
      expect(outcomes.every((outcome) => outcome.lastEventType === EventType.ORDER_ACCEPTED)).toBe(true);
      expect(new Set(outcomes.map((outcome) => outcome.orderId)).size).toBe(20_000);
      const book = await engine.orderBook(engine.registry.bySymbolName('AAPL')!, 100);
      let resting = 0;
      for (let i = 1; i < book.bids.length; i += 3) resting += book.bids[i]!;
      expect(resting).toBe(10_000 * 1e8);
    } finally {
      await engine.stop();
    }
  }, 60_000);

  it('refuses new commands with EngineBusyError past the queue limit, and completes every accepted one', async () => {
    const engine = await ShardedEngine.start({ instruments: DEFAULT_INSTRUMENTS, shards: 1, waitStrategy: 'idle', ringCapacity: 1024, maxQueuedCommands: 500, logger: pino({ level: 'silent' }) });
    try {
      const settled = await Promise.allSettled(
        Array.from({ length: 5_000 }, () => engine.submitOrder({ symbol: 'MSFT', accountId: 'busy', side: Side.BUY, orderType: OrderType.LIMIT, price: 1e8, quantity: 1e8, stpMode: StpMode.NONE })),
      );
      const refused = settled.filter((result) => result.status === 'rejected');
      const accepted = settled.filter((result) => result.status === 'fulfilled');
      expect(refused.length).toBeGreaterThan(0);
      expect(refused.every((result) => result.reason instanceof EngineBusyError)).toBe(true);
      expect(accepted.every((result) => result.value.lastEventType === EventType.ORDER_ACCEPTED)).toBe(true);
      const book = await engine.orderBook(engine.registry.bySymbolName('MSFT')!, 1);
      expect(book.bids[1]).toBe(accepted.length * 1e8);
    } finally {
      await engine.stop();
    }
  });

  it('refuses a bulk batch with EngineBusyError past the queue limit, enqueuing none of it', async () => {
    const engine = await ShardedEngine.start({ instruments: DEFAULT_INSTRUMENTS, shards: 1, waitStrategy: 'idle', ringCapacity: 1024, maxQueuedCommands: 500, logger: pino({ level: 'silent' }) });
    try {
      const symbolId = engine.registry.bySymbolName('MSFT')!.symbolId;
      const account = engine.accounts.idOf('busy-bulk');
      const fill = (_i: number, slots: Float64Array, at: number): void => {
        slots[at + CommandField.SYMBOL_ID] = symbolId;
        slots[at + CommandField.ACCOUNT_ID] = account;
        slots[at + CommandField.SIDE] = Side.BUY;
        slots[at + CommandField.ORDER_TYPE] = OrderType.LIMIT;
        slots[at + CommandField.PRICE] = 1e8;
        slots[at + CommandField.QUANTITY] = 1e8;
        slots[at + CommandField.STP_MODE] = StpMode.NONE;
      };
      const first = engine.submitBatch(5_000, () => 0, fill);
      await expect(engine.submitBatch(10, () => 0, fill)).rejects.toBeInstanceOf(EngineBusyError);
      expect((await first).rejections.size).toBe(0);
      const book = await engine.orderBook(engine.registry.bySymbolName('MSFT')!, 1);
      expect(book.bids[1]).toBe(5_000 * 1e8);
    } finally {
      await engine.stop();
    }
  });

  it('refuses SetRiskLimits while any shard is past the queue limit, applying the limits on none', async () => {
    const engine = await ShardedEngine.start({ instruments: DEFAULT_INSTRUMENTS, shards: 2, waitStrategy: 'idle', ringCapacity: 1024, maxQueuedCommands: 500, logger: pino({ level: 'silent' }) });
    try {
      const onShard = (shard: number): string => engine.registry.instruments.find((instrument) => instrument.shard === shard && instrument.lotSize === '1')!.symbol;
      const busy = onShard(1);
      const flood = Promise.allSettled(Array.from({ length: 3_000 }, () => engine.submitOrder({ symbol: busy, accountId: 'flood', side: Side.BUY, orderType: OrderType.LIMIT, price: 1e8, quantity: 1e8, stpMode: StpMode.NONE })));
      const limits = { maxOrderQuantity: 1e8, maxOrderNotional: 0, priceBandBps: 0, maxOpenOrders: 0, maxPosition: 0 };
      await expect(engine.setRiskLimits('partial', limits)).rejects.toBeInstanceOf(EngineBusyError);
      await flood;
      const order = await engine.submitOrder({ symbol: onShard(0), accountId: 'partial', side: Side.BUY, orderType: OrderType.LIMIT, price: 1e8, quantity: 2e8, stpMode: StpMode.NONE });
      expect(order.lastEventType).toBe(EventType.ORDER_ACCEPTED);
    } finally {
      await engine.stop();
    }
  });

  it('answers a 500-level depth query through a minimum-size event ring while other events flood it', async () => {
    const engine = await ShardedEngine.start({ instruments: DEFAULT_INSTRUMENTS, shards: 1, waitStrategy: 'idle', ringCapacity: 1024, logger: pino({ level: 'silent' }) });
    try {
      await engine.setRiskLimits('', { maxOrderQuantity: 0, maxOrderNotional: 0, priceBandBps: 0, maxOpenOrders: 0, maxPosition: 0 });
      const submit = (side: number, cents: number) => engine.submitOrder({ symbol: 'NVDA', accountId: 'deep', side, orderType: OrderType.LIMIT, price: cents * 1e6, quantity: 1e8, stpMode: StpMode.NONE });
      await Promise.all(Array.from({ length: 600 }, (_, i) => [submit(Side.BUY, 10_000 - i), submit(Side.SELL, 20_000 + i)]).flat());
      const flood = Promise.all(Array.from({ length: 5_000 }, (_, i) => submit(Side.BUY, 1_000 + (i % 700))));
      const book = await engine.orderBook(engine.registry.bySymbolName('NVDA')!, 500);
      await flood;
      expect(book.bids.length).toBe(500 * 3);
      expect(book.asks.length).toBe(500 * 3);
      expect(book.bids[0]).toBe(10_000 * 1e6);
      expect(book.asks[0]).toBe(20_000 * 1e6);
    } finally {
      await engine.stop();
    }
  });
});
