import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { EventType, OrderType, Side, StpMode } from '../src/core/index.js';
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
