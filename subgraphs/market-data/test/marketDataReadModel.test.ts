import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { PrismaClient } from '@mib/db';
import type { TestDatabase } from '@mib/db/testing';
import { InProcessEventBus, type TradingEvent } from '@mib/events';
import { silentLogger } from '@mib/telemetry';
import { consumeMarketData } from '../src/data/marketReadModel.js';
import { candleEvent, quoteEvent } from './marketEvents.js';
import { deliver, listedDatabase } from './readModelDelivery.js';

const SYMBOLS = ['AAPL', 'MSFT', 'BTC-USD'];

/** Every quote and candle row, by symbol, with decimals as the exact strings clients see. */
async function readModelRows(prisma: PrismaClient) {
  const exact = (value: { toFixed(): string } | null) => value?.toFixed() ?? null;
  const quotes = await prisma.quote.findMany({
    include: { instrument: true },
    orderBy: { instrument: { symbol: 'asc' } },
  });
  const candles = await prisma.candle.findMany({
    include: { instrument: true },
    orderBy: [{ instrument: { symbol: 'asc' } }, { interval: 'asc' }, { openTime: 'asc' }],
  });
  return {
    quotes: quotes.map(({ instrument, bid, bidSize, ask, askSize, last, updatedAt }) => ({
      symbol: instrument.symbol,
      bid: exact(bid),
      bidSize: exact(bidSize),
      ask: exact(ask),
      askSize: exact(askSize),
      last: exact(last),
      updatedAt: updatedAt.toISOString(),
    })),
    candles: candles.map(({ instrument, interval, openTime, open, high, low, close, volume }) => ({
      symbol: instrument.symbol,
      interval,
      openTime: openTime.toISOString(),
      prices: [open, high, low, close, volume].map(exact),
    })),
  };
}

/** Per symbol: two quotes and two candles, each symbol on its own shard like the engine's. */
const history: TradingEvent[] = SYMBOLS.flatMap((symbol, shard) => [
  quoteEvent(symbol, 1, { bidPrice: '100.1', lastPrice: null }, shard),
  candleEvent(symbol, 2, { minute: 0, close: '100.5' }, shard),
  quoteEvent(symbol, 3, { bidPrice: '101.25', askPrice: null, askSize: null }, shard),
  candleEvent(symbol, 4, { minute: 1, close: `101.${shard}` }, shard),
]);

let inOrder: TestDatabase;
beforeAll(async () => {
  inOrder = await listedDatabase(SYMBOLS);
  await deliver(inOrder.prisma, history);
});
afterAll(async () => {
  await inOrder[Symbol.asyncDispose]();
});

describe('quotes and candles read model', () => {
  it('stores the latest quote and every closed candle with exact decimals', async () => {
    const rows = await readModelRows(inOrder.prisma);
    expect(rows.quotes).toContainEqual({
      symbol: 'MSFT',
      bid: '101.25',
      bidSize: '15',
      ask: null,
      askSize: null,
      last: '189.75',
      updatedAt: '2026-11-24T10:00:00.003Z',
    });
    expect(rows.quotes).toHaveLength(3);
    expect(rows.candles).toHaveLength(6);
    expect(rows.candles).toContainEqual({
      symbol: 'BTC-USD',
      interval: 'M1',
      openTime: '2026-11-24T10:01:00.000Z',
      prices: ['189.12345678', '191', '188.5', '101.2', '12345678901234567890.12345678'],
    });
  });

  it('ends with identical rows when events arrive twice and out of order across symbols', async () => {
    await using replayed = await listedDatabase(SYMBOLS);
    // Interleave the symbols differently (each symbol's own order kept, as a partition keeps
    // it), deliver every event twice in a row, then replay the whole history once more.
    const bySymbol = SYMBOLS.map((symbol) => history.filter((event) => event.key === symbol));
    const interleaved = [0, 1, 2, 3].flatMap((index) =>
      bySymbol.toReversed().map((events) => events[index]!),
    );
    const doubled = interleaved.flatMap((event) => [event, event]);
    const applied = await deliver(replayed.prisma, [...doubled, ...history]);

    expect(applied.filter(Boolean)).toHaveLength(history.length);
    expect(await readModelRows(replayed.prisma)).toEqual(await readModelRows(inOrder.prisma));
  });

  it('ignores a redelivered older quote once a newer one is stored', async () => {
    await using db = await listedDatabase(SYMBOLS);
    const older = quoteEvent('AAPL', 1, { bidPrice: '99' });
    const newer = quoteEvent('AAPL', 2, { bidPrice: '100' });
    expect(await deliver(db.prisma, [older, newer, older])).toEqual([true, true, false]);
    expect((await readModelRows(db.prisma)).quotes).toMatchObject([{ symbol: 'AAPL', bid: '100' }]);
  });

  it('skips an event of an unknown symbol and applies the next ones', async () => {
    await using db = await listedDatabase(SYMBOLS);
    const applied = await deliver(db.prisma, [
      quoteEvent('NOPE', 1),
      candleEvent('NOPE', 2, { minute: 0, close: '1' }),
      quoteEvent('AAPL', 1),
    ]);
    // Consumed (the stream's mark moved on, so it is never retried) but nothing stored.
    expect(applied).toEqual([true, true, true]);
    expect((await readModelRows(db.prisma)).quotes.map((quote) => quote.symbol)).toEqual(['AAPL']);
    expect((await readModelRows(db.prisma)).candles).toEqual([]);
  });

  it('follows the bus in consumer group market-data-quotes, once per event', async () => {
    await using db = await listedDatabase(SYMBOLS);
    await using bus = new InProcessEventBus({ logger: silentLogger() });
    const consumer = await consumeMarketData(bus, db.prisma, silentLogger());
    onTestFinished(() => consumer.close());
    await bus.publish(history);
    await bus.publish(history.filter((event) => event.key === 'AAPL'));

    await expect
      .poll(
        () =>
          db.prisma.marketEventMark.count({ where: { consumer: 'market-data-quotes', sequence: { gt: 0 } } }),
        {
          timeout: 5_000,
        },
      )
      .toBe(SYMBOLS.length * 2);
    // Every stream has moved, but each may still be mid-way: wait for the whole read model.
    const expected = await readModelRows(inOrder.prisma);
    await expect.poll(() => readModelRows(db.prisma), { timeout: 5_000 }).toEqual(expected);
  });
});
