import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_ANALYST_ID, DEMO_TRADER_ID } from '@mib/db';
import { createEvent } from '@mib/events';
import { orderIdOf, tradeIdOf } from '../src/engineMirror/engineIds.js';
import { startTradingFixture, type TradingFixture } from './tradingFixture.js';

let fixture: TradingFixture;
beforeAll(async () => {
  fixture = await startTradingFixture();
});
afterAll(() => fixture[Symbol.asyncDispose]());

const origin = (sequence: number) => ({
  source: 'engine',
  shard: 0,
  sequence,
  occurredAt: `2026-11-24T11:00:0${sequence}.000Z`,
});

it('records the owners of both orders on a trade from its event (the taker sells here)', async () => {
  const base = { requestId: null, orderType: 'LIMIT' as const, price: '50', quantity: '2', symbol: 'AAPL' };
  const buy = { ...base, orderId: '920000', accountId: DEMO_TRADER_ID, side: 'BUY' as const };
  const sell = { ...base, orderId: '920001', accountId: DEMO_ANALYST_ID, side: 'SELL' as const };
  await fixture.events.publish([
    createEvent('order.accepted', { ...buy, filledQuantity: '0', leavesQuantity: '2' }, origin(1)),
    createEvent('order.accepted', { ...sell, filledQuantity: '0', leavesQuantity: '2' }, origin(2)),
    createEvent(
      'trade',
      {
        tradeId: '9200001',
        symbol: 'AAPL',
        price: '50',
        quantity: '2',
        aggressorSide: 'SELL',
        taker: { orderId: sell.orderId, accountId: DEMO_ANALYST_ID },
        maker: { orderId: buy.orderId, accountId: DEMO_TRADER_ID },
      },
      origin(3),
    ),
  ]);
  const id = tradeIdOf(0, '9200001');
  await expect
    .poll(() => fixture.db.prisma.trade.findUnique({ where: { id } }), { timeout: 15_000 })
    .toBeTruthy();

  const trade = await fixture.db.prisma.trade.findUniqueOrThrow({
    where: { id },
    include: { buyOrder: { select: { userId: true } }, sellOrder: { select: { userId: true } } },
  });
  expect(trade).toMatchObject({
    buyOrderId: orderIdOf(buy.orderId),
    sellOrderId: orderIdOf(sell.orderId),
    buyerUserId: DEMO_TRADER_ID,
    sellerUserId: DEMO_ANALYST_ID,
    buyOrder: { userId: DEMO_TRADER_ID },
    sellOrder: { userId: DEMO_ANALYST_ID },
  });
});

it('records the owners of the order rows when the event names other accounts (engine order ids reused)', async () => {
  const { prisma } = fixture.db;
  // The rows of orders 930000/930001 belong to the trader and the analyst; an engine that ran
  // without its journal reused those ids for a trade between two other accounts.
  const base = { requestId: null, orderType: 'LIMIT' as const, price: '60', quantity: '1', symbol: 'MSFT' };
  const buy = { ...base, orderId: '930000', accountId: DEMO_TRADER_ID, side: 'BUY' as const };
  const sell = { ...base, orderId: '930001', accountId: DEMO_ANALYST_ID, side: 'SELL' as const };
  const stranger = '0000000d-0000-4000-8000-00000000000d';
  await fixture.events.publish([
    createEvent('order.accepted', { ...buy, filledQuantity: '0', leavesQuantity: '1' }, origin(1)),
    createEvent('order.accepted', { ...sell, filledQuantity: '0', leavesQuantity: '1' }, origin(2)),
    createEvent(
      'trade',
      {
        tradeId: '9300001',
        symbol: 'MSFT',
        price: '60',
        quantity: '1',
        aggressorSide: 'BUY',
        taker: { orderId: buy.orderId, accountId: stranger },
        maker: { orderId: sell.orderId, accountId: stranger },
      },
      origin(3),
    ),
  ]);
  const id = tradeIdOf(0, '9300001');
  await expect.poll(() => prisma.trade.findUnique({ where: { id } }), { timeout: 15_000 }).toBeTruthy();
  expect(await prisma.trade.findUniqueOrThrow({ where: { id } })).toMatchObject({
    buyerUserId: DEMO_TRADER_ID,
    sellerUserId: DEMO_ANALYST_ID,
  });
  expect(fixture.logged.some((line) => line['tradeId'] === '9300001')).toBe(true);
});
