import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ANALYST_ID, DEMO_TRADER_ID } from '@mib/db';
import { createEvent, rejectReasonCodes, streamOf, type RejectReason, type TradingEvent } from '@mib/events';
import { InstrumentCatalog, liveEventsOf } from '@mib/subgraph-kit';
import { connectSubgraph, subscribeAs, testIdentity } from '@mib/subgraph-kit/testing';
import { mirrorOrder } from '../src/data/mirrorOrder.js';
import { orderIdOf } from '../src/engineMirror/engineIds.js';
import { LIVE_ORDER_TOPICS } from '../src/ordersRuntime.js';
import { ORDERS_CONSUMER } from '../src/readModel/pendingTrades.js';
import { startTradingFixture, type TradingFixture } from './tradingFixture.js';

let fixture: TradingFixture;
let client: Client;
beforeAll(async () => {
  fixture = await startTradingFixture();
  client = connectSubgraph(fixture.subgraph.url);
});
afterAll(async () => {
  await client.dispose();
  await fixture[Symbol.asyncDispose]();
});

const origin = (sequence: number) => ({
  source: 'engine',
  shard: 0,
  sequence,
  occurredAt: new Date().toISOString(),
});

/** Subscribes as the demo trader, once the previous test's stream has gone, and waits until it listens. */
async function subscribe(query: string) {
  const live = liveEventsOf(fixture.events, LIVE_ORDER_TOPICS);
  await expect.poll(() => live.subscribers).toBe(0);
  const subscription = subscribeAs(client, testIdentity(DEMO_TRADER_ID), query);
  const first = subscription.next(15_000);
  await expect.poll(() => live.subscribers).toBe(1);
  return { subscription, first };
}

/** Marks `event`'s stream as applied past it, so the read model passes it over (held behind). */
async function keepFromReadModel(event: TradingEvent) {
  await fixture.db.prisma.$executeRaw`
    INSERT INTO orders.event_marks (consumer, stream, sequence) VALUES (${ORDERS_CONSUMER}, ${streamOf(event)}, 1000)
    ON CONFLICT (consumer, stream) DO UPDATE SET sequence = 1000`;
}

describe('myOrderUpdates', () => {
  it('gives the average with this fill while the read model is one fill behind', async () => {
    const { prisma } = fixture.db;
    const msft = await new InstrumentCatalog(prisma).bySymbolName('MSFT');
    // The row after a first fill of 4 at 100.
    const order = { side: 'BUY', type: 'LIMIT', price: '101', quantity: '10', rejectReason: null } as const;
    await mirrorOrder(prisma, {
      ...order,
      engineOrderId: '880001',
      userId: DEMO_TRADER_ID,
      instrumentId: msft!.id,
      status: 'PARTIALLY_FILLED',
      filledQuantity: '4',
      average: { price: '100', quantity: '4' },
      sequence: 1,
      at: new Date(),
    });
    const { subscription, first } = await subscribe(
      'subscription { myOrderUpdates { id status filledQuantity averagePrice } }',
    );
    const secondFill = createEvent(
      'order.partially_filled',
      {
        requestId: null,
        orderId: '880001',
        accountId: DEMO_TRADER_ID,
        symbol: 'MSFT',
        side: 'BUY',
        orderType: 'LIMIT',
        price: '101',
        quantity: '10',
        tradeId: '5',
        lastFillPrice: '101',
        lastFillQuantity: '2',
        filledQuantity: '6',
        leavesQuantity: '4',
      },
      origin(7),
    );
    await keepFromReadModel(secondFill);
    await fixture.events.publish([secondFill]);
    expect(await first).toEqual({
      data: {
        myOrderUpdates: {
          id: orderIdOf('880001'),
          status: 'PARTIALLY_FILLED',
          filledQuantity: '6',
          averagePrice: '100.33333333',
        },
      },
    });
    await subscription.close();
  });
});

describe('myOrderUpdates of refused commands', () => {
  const rejection = (orderId: string, command: 'SUBMIT' | 'CANCEL' | 'AMEND', reason: RejectReason) => ({
    orderId,
    accountId: DEMO_TRADER_ID,
    symbol: 'MSFT',
    requestId: null,
    command,
    reason,
    reasonCode: rejectReasonCodes[reason],
  });

  const recordOrder = async (
    engineOrderId: string,
    status: 'OPEN' | 'REJECTED',
    rejectReason: string | null,
  ) => {
    const msft = await new InstrumentCatalog(fixture.db.prisma).bySymbolName('MSFT');
    await mirrorOrder(fixture.db.prisma, {
      engineOrderId,
      userId: DEMO_TRADER_ID,
      instrumentId: msft!.id,
      side: 'BUY',
      type: 'POST_ONLY',
      status,
      price: '401',
      quantity: '3',
      filledQuantity: '0',
      average: null,
      rejectReason,
      sequence: status === 'REJECTED' ? 0 : 1,
      at: new Date(),
    });
  };

  it('sends a refused new order as REJECTED, as placeOrder recorded it after the event', async () => {
    const { subscription, first } = await subscribe(
      'subscription { myOrderUpdates { id status type price quantity remainingQuantity rejectReason } }',
    );
    await fixture.events.publish([
      createEvent('order.rejected', rejection('880101', 'SUBMIT', 'POST_ONLY_WOULD_CROSS'), origin(20)),
    ]);
    // The mutation records the order once the engine has answered: here after the event is out.
    await recordOrder('880101', 'REJECTED', 'POST_ONLY_WOULD_CROSS');
    expect(await first).toEqual({
      data: {
        myOrderUpdates: {
          id: orderIdOf('880101'),
          status: 'REJECTED',
          type: 'POST_ONLY',
          price: '401',
          quantity: '3',
          remainingQuantity: '0',
          rejectReason: 'POST_ONLY_WOULD_CROSS',
        },
      },
    });
    await subscription.close();
  });

  it('sends nothing for a refused cancel or amend of an order, nor for a malformed one', async () => {
    await recordOrder('880102', 'OPEN', null);
    const { subscription, first } = await subscribe('subscription { myOrderUpdates { id status } }');
    await fixture.events.publish([
      createEvent('order.rejected', rejection('880102', 'CANCEL', 'UNKNOWN_ORDER'), origin(21)),
      createEvent('order.rejected', rejection('880102', 'AMEND', 'PRICE_OUTSIDE_BAND'), origin(22)),
      createEvent('order.rejected', rejection('880103', 'SUBMIT', 'PRICE_OFF_TICK'), origin(23)),
      createEvent(
        'order.cancelled',
        {
          orderId: '880102',
          accountId: DEMO_TRADER_ID,
          symbol: 'MSFT',
          requestId: null,
          side: 'BUY',
          orderType: 'POST_ONLY',
          price: '401',
          quantity: '3',
          filledQuantity: '0',
          leavesQuantity: '0',
          reason: 'USER_REQUESTED',
        },
        origin(24),
      ),
    ]);
    // The first update is the cancel: the refusals before it sent nothing.
    expect(await first).toEqual({
      data: { myOrderUpdates: { id: orderIdOf('880102'), status: 'CANCELLED' } },
    });
    await subscription.close();
  });
});

describe('myTrades', () => {
  it("waits for the read model to record the trade's orders, so the caller's side resolves", async () => {
    const { subscription, first } = await subscribe(
      'subscription { myTrades { side buyOrder { id status } sellOrder { id } } }',
    );
    const base = {
      requestId: null,
      orderType: 'LIMIT' as const,
      price: '100',
      quantity: '1',
      symbol: 'NVDA',
    };
    const buy = { ...base, orderId: '777001', accountId: DEMO_TRADER_ID, side: 'BUY' as const };
    const sell = { ...base, orderId: '777002', accountId: DEMO_ANALYST_ID, side: 'SELL' as const };
    const fill = {
      tradeId: '9001',
      lastFillPrice: '100',
      lastFillQuantity: '1',
      filledQuantity: '1',
      leavesQuantity: '0',
    };
    // The trade first, its orders' events after: the order the live trade reaches the caller in.
    await fixture.events.publish([
      createEvent(
        'trade',
        {
          tradeId: '9001',
          symbol: 'NVDA',
          price: '100',
          quantity: '1',
          aggressorSide: 'BUY',
          taker: { orderId: buy.orderId, accountId: DEMO_TRADER_ID },
          maker: { orderId: sell.orderId, accountId: DEMO_ANALYST_ID },
        },
        origin(3),
      ),
    ]);
    await fixture.events.publish([
      createEvent('order.accepted', { ...sell, filledQuantity: '0', leavesQuantity: '1' }, origin(1)),
      createEvent('order.accepted', { ...buy, filledQuantity: '0', leavesQuantity: '1' }, origin(2)),
      createEvent('order.filled', { ...sell, ...fill }, origin(4)),
      createEvent('order.filled', { ...buy, ...fill }, origin(5)),
    ]);
    const result = await first;
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      myTrades: { side: 'BUY', buyOrder: { id: orderIdOf('777001'), status: 'FILLED' }, sellOrder: null },
    });
    await subscription.close();
  });
});
