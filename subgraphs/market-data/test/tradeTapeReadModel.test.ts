import { describe, expect, it, onTestFinished } from 'vitest';
import type { PrismaClient } from '@mib/db';
import { InProcessEventBus } from '@mib/events';
import { silentLogger } from '@mib/telemetry';
import { consumeMarketData } from '../src/data/marketReadModel.js';
import { printEvent, quoteEvent, tradeEvent } from './marketEvents.js';
import { deliver, listedDatabase } from './readModelDelivery.js';

const SYMBOLS = ['AAPL', 'MSFT'];

/** The tape as clients see it, oldest first, with exact decimals. */
async function tape(prisma: PrismaClient) {
  const trades = await prisma.marketTrade.findMany({ include: { instrument: true }, orderBy: { id: 'asc' } });
  return trades.map((trade) => ({
    symbol: trade.instrument.symbol,
    shard: trade.engineShard,
    tradeId: trade.engineTradeId,
    price: trade.price.toFixed(),
    quantity: trade.quantity.toFixed(),
    aggressorSide: trade.aggressorSide,
    executedAt: trade.executedAt.toISOString(),
  }));
}

describe('the public tape read model', () => {
  it('stores a trade once when its event is delivered twice, and again after its mark is lost', async () => {
    await using db = await listedDatabase(SYMBOLS);
    const trade = tradeEvent('AAPL', 1, '189.12345678', '3.5');
    expect(await deliver(db.prisma, [trade, trade])).toEqual([true, false]);
    // A replay that the marks no longer stop (a consumer renamed, marks wiped): the unique
    // (shard, trade id) still keeps the tape at one row.
    await db.prisma.marketEventMark.deleteMany();
    expect(await deliver(db.prisma, [trade])).toEqual([true]);
    expect(await tape(db.prisma)).toEqual([
      {
        symbol: 'AAPL',
        shard: 0,
        tradeId: 'AAPL-1',
        price: '189.12345678',
        quantity: '3.5',
        aggressorSide: 'BUY',
        executedAt: '2026-11-24T10:00:00.001Z',
      },
    ]);
  });

  it('keeps trades of two shards that share a trade number', async () => {
    await using db = await listedDatabase(SYMBOLS);
    // Each engine shard counts its own trades from 1.
    await deliver(db.prisma, [
      tradeEvent('AAPL', 1, '190', '1', 0, { tradeId: '1' }),
      tradeEvent('MSFT', 1, '420', '2', 1, { tradeId: '1' }),
    ]);
    expect((await tape(db.prisma)).map(({ symbol, shard, tradeId }) => [symbol, shard, tradeId])).toEqual([
      ['AAPL', 0, '1'],
      ['MSFT', 1, '1'],
    ]);
  });

  it('stores an external print with no aggressor side', async () => {
    await using db = await listedDatabase(SYMBOLS);
    await deliver(db.prisma, [printEvent('MSFT', 7, '420.5', '100')]);
    expect(await tape(db.prisma)).toMatchObject([{ symbol: 'MSFT', price: '420.5', aggressorSide: null }]);
  });

  it('skips a trade of an unknown symbol and applies the next ones', async () => {
    await using db = await listedDatabase(SYMBOLS);
    const applied = await deliver(db.prisma, [
      tradeEvent('NOPE', 1, '1', '1'),
      tradeEvent('AAPL', 2, '190', '1'),
    ]);
    // Consumed (the stream's mark moved on, so it is never retried) but nothing stored.
    expect(applied).toEqual([true, true]);
    expect((await tape(db.prisma)).map((trade) => trade.symbol)).toEqual(['AAPL']);
  });

  it('holds no order or account ids: the table has only public columns', async () => {
    await using db = await listedDatabase(SYMBOLS);
    const columns = await db.prisma.$queryRaw<{ column_name: string }[]>`
      SELECT column_name FROM information_schema.columns
      WHERE table_schema = 'market' AND table_name = 'trades' ORDER BY column_name`;
    expect(columns.map((column) => column.column_name)).toEqual([
      'aggressor_side',
      'engine_shard',
      'engine_trade_id',
      'executed_at',
      'id',
      'instrument_id',
      'price',
      'quantity',
    ]);
  });

  it('follows the trades topic in consumer group market-data-quotes, beside quotes', async () => {
    await using db = await listedDatabase(SYMBOLS);
    await using bus = new InProcessEventBus({ logger: silentLogger() });
    // Published before the group first joins: a new topic of the group starts at the earliest
    // event the bus holds, so the tape gets the history the bus retains.
    const history = [
      tradeEvent('AAPL', 1, '190', '1'),
      quoteEvent('AAPL', 2),
      printEvent('AAPL', 3, '191', '5'),
    ];
    await bus.publish(history);
    const consumer = await consumeMarketData(bus, db.prisma, silentLogger());
    onTestFinished(() => consumer.close());
    await bus.publish(history);
    // One partition is handled in order: once this trade is stored, the redelivery was handled.
    await bus.publish([tradeEvent('AAPL', 4, '192', '1')]);

    await expect
      .poll(async () => (await tape(db.prisma)).map((trade) => trade.tradeId), { timeout: 5_000 })
      .toContain('AAPL-4');
    expect((await tape(db.prisma)).map((trade) => trade.tradeId)).toEqual(['AAPL-1', 'AAPL-3', 'AAPL-4']);
    await expect.poll(() => db.prisma.quote.count(), { timeout: 5_000 }).toBe(1);
  });
});
