import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CancelReason, EventType, OrderType, RejectReason, Side, StpMode } from '../src/core/layout.js';
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

  describe('cancel all orders of an account', () => {
    /** A symbol of each shard (not AAPL: its trades set a price band). */
    const symbolOn = (shard: number) => engine.registry.instruments.find((instrument) => instrument.shard === shard && instrument.symbol !== 'AAPL')!;
    /** Bids at 50 and asks at 60: above the bulk test's bids at 1, crossing nothing. */
    const priceOf = (side: Side): number => (side === Side.BUY ? 50 : 60) * UNITS;
    const rest = async (shard: number, accountId: string, side: Side) => {
      const { symbol, lotUnits } = symbolOn(shard);
      const outcome = await engine.submitOrder({ symbol, accountId, side, orderType: OrderType.LIMIT, price: priceOf(side), quantity: lotUnits, stpMode: StpMode.NONE });
      expect(outcome.lastEventType).toBe(EventType.ORDER_ACCEPTED);
      return outcome;
    };
    /** Orders resting at this test's prices in the shard's symbol. */
    const openOrders = async (shard: number): Promise<number> => {
      const book = await engine.orderBook(symbolOn(shard), 10);
      let count = 0;
      for (const levels of [book.bids, book.asks]) {
        for (let i = 0; i < levels.length; i += 3) if (levels[i] === priceOf(Side.BUY) || levels[i] === priceOf(Side.SELL)) count += levels[i + 2]!;
      }
      return count;
    };

    it("without a symbol cancels the account's orders on every shard and leaves other accounts' orders", async () => {
      const ownFirst = await rest(0, 'kill-1', Side.BUY);
      const other = await rest(0, 'kill-other', Side.BUY);
      const ownSecond = await rest(1, 'kill-1', Side.SELL);
      const outcomes = await engine.cancelAllOrders('kill-1');
      expect(outcomes.map((o) => [o.shard, o.orderId, o.lastEventType, o.reason, o.leavesQuantity])).toEqual([
        [0, ownFirst.orderId, EventType.ORDER_CANCELLED, CancelReason.USER_REQUESTED, 0],
        [1, ownSecond.orderId, EventType.ORDER_CANCELLED, CancelReason.USER_REQUESTED, 0],
      ]);
      expect(outcomes[0]).toMatchObject({ symbolId: symbolOn(0).symbolId, side: Side.BUY, price: ownFirst.price, quantity: ownFirst.quantity, fills: [] });
      expect(outcomes[0]!.sequence).toBeGreaterThan(other.sequence);
      expect([await openOrders(0), await openOrders(1)]).toEqual([1, 0]);
      expect(await engine.cancelAllOrders('kill-1')).toEqual([]);
      expect((await engine.cancelAllOrders('kill-other')).map((o) => o.orderId)).toEqual([other.orderId]);
    });

    it("with a symbol cancels only there", async () => {
      const there = await rest(1, 'kill-2', Side.BUY);
      await rest(0, 'kill-2', Side.BUY);
      expect((await engine.cancelAllOrders('kill-2', symbolOn(1).symbol)).map((o) => o.orderId)).toEqual([there.orderId]);
      expect([await openOrders(0), await openOrders(1)]).toEqual([1, 0]);
      await engine.cancelAllOrders('kill-2');
    });

    it('answers an unknown symbol or an invalid account with the rejection, cancelling nothing', async () => {
      await rest(0, 'kill-3', Side.BUY);
      const [unknown, ...more] = await engine.cancelAllOrders('kill-3', 'NOPE');
      expect(more).toEqual([]);
      expect(unknown).toMatchObject({ shard: engine.shardOfSymbol('NOPE'), lastEventType: EventType.ORDER_REJECTED, reason: RejectReason.UNKNOWN_SYMBOL });
      const invalid = await engine.cancelAllOrders('');
      expect(invalid.map((o) => [o.shard, o.lastEventType, o.reason])).toEqual([0, 1].map((shard) => [shard, EventType.ORDER_REJECTED, RejectReason.INVALID_ACCOUNT]));
      expect(await openOrders(0)).toBe(1);
      await engine.cancelAllOrders('kill-3');
    });
  });
});
