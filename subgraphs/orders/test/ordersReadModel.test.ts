import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ANALYST_ID, DEMO_TRADER_ID } from '@mib/db';
import { createEvent, type TradingEvent } from '@mib/events';
import { applyOnce, InstrumentCatalog } from '@mib/subgraph-kit';
import { silentLogger } from '@mib/telemetry';
import { mirrorOrder } from '../src/data/mirrorOrder.js';
import { orderIdOf } from '../src/engineMirror/engineIds.js';
import { applyOrdersEvent } from '../src/readModel/applyOrdersEvent.js';
import { startTradingFixture, type TradingFixture } from './tradingFixture.js';

let fixture: TradingFixture;

/**
 * A failed delivery is retried only after a minute, past every wait below: the read model must
 * record what it is given without leaning on the bus's backoff.
 */
const noBlindRetry = { initialDelayMs: 60_000, maxDelayMs: 60_000 };

beforeAll(async () => {
  fixture = await startTradingFixture({ busRetry: noBlindRetry });
});

afterAll(async () => {
  await fixture[Symbol.asyncDispose]();
});

const at = (second: number) => `2026-11-24T10:00:${String(second).padStart(2, '0')}.000Z`;

/**
 * A buy resting, a sell crossing it in two fills, on one symbol and shard: its events in order.
 * The trades are numbered `tradeIds` (each shard numbers its own trades).
 */
function crossingFlow(
  symbol: string,
  shard: number,
  firstId: number,
  tradeIds: readonly [string, string] = [`${firstId}1`, `${firstId}2`],
): TradingEvent[] {
  const buyId = String(firstId);
  const sellId = String(firstId + 1);
  const base = { requestId: null, orderType: 'LIMIT' as const, price: '100.5', quantity: '10' };
  const buy = { ...base, orderId: buyId, accountId: DEMO_TRADER_ID, symbol, side: 'BUY' as const };
  const sell = { ...base, orderId: sellId, accountId: DEMO_ANALYST_ID, symbol, side: 'SELL' as const };
  let sequence = 0;
  const origin = (second: number) => ({
    source: 'engine',
    shard,
    sequence: ++sequence,
    occurredAt: at(second),
  });
  const fill = (tradeId: string, quantity: string, filled: string) => ({
    tradeId,
    lastFillPrice: '100.5',
    lastFillQuantity: quantity,
    filledQuantity: filled,
    leavesQuantity: String(10 - Number(filled)),
  });
  return [
    createEvent('order.accepted', { ...buy, filledQuantity: '0', leavesQuantity: '10' }, origin(1)),
    createEvent('order.accepted', { ...sell, filledQuantity: '0', leavesQuantity: '10' }, origin(2)),
    createEvent(
      'trade',
      {
        tradeId: tradeIds[0],
        symbol,
        price: '100.5',
        quantity: '4',
        aggressorSide: 'SELL',
        taker: { orderId: sellId, accountId: DEMO_ANALYST_ID },
        maker: { orderId: buyId, accountId: DEMO_TRADER_ID },
      },
      origin(3),
    ),
    createEvent('order.partially_filled', { ...buy, ...fill(tradeIds[0], '4', '4') }, origin(3)),
    createEvent('order.partially_filled', { ...sell, ...fill(tradeIds[0], '4', '4') }, origin(3)),
    createEvent(
      'trade',
      {
        tradeId: tradeIds[1],
        symbol,
        price: '100.5',
        quantity: '6',
        aggressorSide: 'SELL',
        taker: { orderId: sellId, accountId: DEMO_ANALYST_ID },
        maker: { orderId: buyId, accountId: DEMO_TRADER_ID },
      },
      origin(4),
    ),
    createEvent('order.filled', { ...buy, ...fill(tradeIds[1], '6', '10') }, origin(4)),
    createEvent('order.filled', { ...sell, ...fill(tradeIds[1], '6', '10') }, origin(4)),
  ];
}

const aapl = crossingFlow('AAPL', 0, 900_000);
const msft = crossingFlow('MSFT', 1, 910_000);
const mirroredIds = ['900000', '900001', '910000', '910001'].map(orderIdOf);

/** The read model's rows for the test's orders and their trades, in a stable order. */
async function readModel() {
  const orders = await fixture.db.prisma.order.findMany({
    where: { id: { in: mirroredIds } },
    orderBy: { id: 'asc' },
    omit: { updatedAt: true },
  });
  const trades = await fixture.db.prisma.trade.findMany({
    where: { buyOrderId: { in: mirroredIds } },
    orderBy: { id: 'asc' },
  });
  return { orders, trades };
}

/** Waits until the read model satisfies `done`, re-reading it as the consumer works. */
async function readModelWhen(done: (model: Awaited<ReturnType<typeof readModel>>) => boolean) {
  await expect.poll(async () => done(await readModel()), { timeout: 15_000 }).toBe(true);
  return readModel();
}

describe('the orders read model', () => {
  it('mirrors orders and their trades from engine events', async () => {
    await fixture.events.publish([...aapl, ...msft]);
    const model = await readModelWhen(
      ({ orders, trades }) => trades.length === 4 && orders.every((order) => order.status === 'FILLED'),
    );
    expect(model.orders.map((order) => order.filledQuantity.toFixed())).toEqual(['10', '10', '10', '10']);
    expect(model.orders.map((order) => order.averagePrice?.toFixed())).toEqual([
      '100.5',
      '100.5',
      '100.5',
      '100.5',
    ]);
    expect(model.trades.map((trade) => trade.quantity.toFixed()).sort()).toEqual(['4', '4', '6', '6']);
  });

  it('ends identical after every event is delivered again, symbols interleaved differently', async () => {
    const before = await readModel();
    await fixture.events.publish([...msft].reverse().filter((_, index) => index % 2 === 0));
    await fixture.events.publish([...msft, ...aapl]);
    // A later event on each symbol's stream proves the redelivered ones before it were handled.
    const sentinel = (orderId: string, symbol: string, shard: number) =>
      createEvent(
        'order.cancelled',
        {
          orderId,
          accountId: DEMO_TRADER_ID,
          symbol,
          requestId: null,
          side: 'BUY',
          orderType: 'LIMIT',
          price: '99',
          quantity: '1',
          filledQuantity: '0',
          leavesQuantity: '0',
          reason: 'USER_REQUESTED',
        },
        { source: 'engine', shard, sequence: 100, occurredAt: at(9) },
      );
    await fixture.events.publish([sentinel('920000', 'AAPL', 0), sentinel('920001', 'MSFT', 1)]);
    await expect
      .poll(
        () =>
          fixture.db.prisma.order.count({
            where: { id: { in: [orderIdOf('920000'), orderIdOf('920001')] } },
          }),
        { timeout: 15_000 },
      )
      .toBe(2);
    expect(await readModel()).toEqual(before);
  });
});

describe('a trade delivered before the events of its orders', () => {
  it('is held, and recorded by their fills, without a retry', async () => {
    const flow = crossingFlow('TSLA', 0, 950_000);
    const [trades, orderEvents] = [
      flow.filter((event) => event.type === 'trade'),
      flow.filter((event) => event.type !== 'trade'),
    ];
    const [buyOrderId, sellOrderId] = [orderIdOf('950000'), orderIdOf('950001')];
    const { prisma } = fixture.db;
    await fixture.events.publish(trades);
    await expect
      .poll(() => prisma.pendingTrade.count({ where: { buyOrderId } }), { timeout: 15_000 })
      .toBe(2);
    expect(await prisma.order.count({ where: { id: { in: [buyOrderId, sellOrderId] } } })).toBe(0);
    await fixture.events.publish(orderEvents);
    await expect.poll(() => prisma.trade.count({ where: { buyOrderId } }), { timeout: 15_000 }).toBe(2);
    const recorded = await prisma.trade.findMany({
      where: { buyOrderId },
      orderBy: { engineTradeId: 'asc' },
    });
    expect(recorded.map((trade) => [trade.sellOrderId, trade.buyerUserId, trade.sellerUserId])).toEqual([
      [sellOrderId, DEMO_TRADER_ID, DEMO_ANALYST_ID],
      [sellOrderId, DEMO_TRADER_ID, DEMO_ANALYST_ID],
    ]);
    expect(await prisma.pendingTrade.count({ where: { buyOrderId } })).toBe(0);
  });
});

describe('trades and order events racing on many streams', () => {
  it('records every trade once and holds none back', async () => {
    const symbols = ['AAPL', 'MSFT', 'NVDA', 'AMZN'];
    // A shard each, so every flow's streams are new; trades published before their orders' events.
    const flows = Array.from({ length: 40 }, (_, index) =>
      crossingFlow(symbols[index % symbols.length]!, 100 + index, 960_000 + index * 10),
    );
    await fixture.events.publish(flows.flatMap((flow) => flow.filter((event) => event.type === 'trade')));
    await fixture.events.publish(flows.flatMap((flow) => flow.filter((event) => event.type !== 'trade')));
    const buyOrderIds = flows.map((_, index) => orderIdOf(String(960_000 + index * 10)));
    const { prisma } = fixture.db;
    await expect
      .poll(() => prisma.trade.count({ where: { buyOrderId: { in: buyOrderIds } } }), { timeout: 30_000 })
      .toBe(80);
    expect(await prisma.pendingTrade.count({ where: { buyOrderId: { in: buyOrderIds } } })).toBe(0);
  });
});

describe('a trade applied while one of its orders is being recorded', () => {
  it("waits for that order's transaction instead of holding the trade back for ever", async () => {
    const { prisma } = fixture.db;
    const deps = { catalog: new InstrumentCatalog(prisma), logger: silentLogger() };
    const target = { schema: 'orders', consumer: 'orders-read-model' } as const;
    const apply = (event: TradingEvent, during?: Promise<void>) =>
      applyOnce(prisma, target, event, async (tx) => {
        await applyOrdersEvent(event, tx, deps);
        await during;
      });
    const [buyAccepted, sellAccepted, trade] = crossingFlow('META', 7, 970_000);
    await apply(buyAccepted!);
    // The sell order's row is written and its transaction left open, as a consumer's would be.
    let commit = () => {};
    const sellRecorded = apply(sellAccepted!, new Promise<void>((resolve) => (commit = resolve)));
    await expect.poll(() => prisma.order.count({ where: { id: orderIdOf('970001') } })).toBe(0);
    const tradeApplied = apply(trade!);
    await new Promise((resolve) => setTimeout(resolve, 300));
    commit();
    await Promise.all([sellRecorded, tradeApplied]);
    // No fill of these orders will come in this test: the trade must be recorded now, not held.
    expect(await prisma.trade.count({ where: { buyOrderId: orderIdOf('970000') } })).toBe(1);
    expect(await prisma.pendingTrade.count({ where: { buyOrderId: orderIdOf('970000') } })).toBe(0);
  });
});

describe('trades of different engine shards', () => {
  it('keeps both when the shards number them alike (each shard counts its own trades)', async () => {
    const onShard0 = crossingFlow('NVDA', 0, 930_000, ['77', '78']);
    const onShard1 = crossingFlow('AMZN', 1, 940_000, ['77', '78']);
    await fixture.events.publish([...onShard0, ...onShard1]);
    const buyOrderIds = ['930000', '940000'].map(orderIdOf);
    await expect
      .poll(() => fixture.db.prisma.trade.count({ where: { buyOrderId: { in: buyOrderIds } } }), {
        timeout: 15_000,
      })
      .toBe(4);
    const trades = await fixture.db.prisma.trade.findMany({
      where: { buyOrderId: { in: buyOrderIds } },
      orderBy: [{ engineShard: 'asc' }, { engineTradeId: 'asc' }],
    });
    expect(trades.map((trade) => [trade.engineShard, trade.engineTradeId, trade.quantity.toFixed()])).toEqual(
      [
        [0, 77n, '4'],
        [0, 78n, '6'],
        [1, 77n, '4'],
        [1, 78n, '6'],
      ],
    );
  });
});

describe('an engine order id seen again for another user', () => {
  it("never rewrites the first user's order (an engine restarted without its journal numbers from 1 again)", async () => {
    const { prisma } = fixture.db;
    const instrument = await prisma.instrument.findFirstOrThrow();
    const order = {
      engineOrderId: '987654321',
      instrumentId: instrument.id,
      side: 'BUY',
      type: 'LIMIT',
      status: 'OPEN',
      price: '100',
      quantity: '10',
      filledQuantity: '0',
      average: null,
      rejectReason: null,
      at: new Date(),
    } as const;
    await mirrorOrder(prisma, { ...order, userId: DEMO_TRADER_ID, sequence: 1 });
    await mirrorOrder(prisma, { ...order, userId: DEMO_ANALYST_ID, quantity: '99', sequence: 2 });
    const row = await prisma.order.findUniqueOrThrow({ where: { id: orderIdOf('987654321') } });
    expect(row.userId).toBe(DEMO_TRADER_ID);
    expect(row.quantity.toString()).toBe('10');
  });
});
