import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ANALYST_ID, DEMO_TRADER_ID, demoInstrumentId } from '@mib/db';
import { errorCodes, subgraphRequest, testIdentity } from '@mib/subgraph-kit/testing';
import { startTradingFixture, type TradingFixture } from './tradingFixture.js';

let fixture: TradingFixture;

beforeAll(async () => {
  fixture = await startTradingFixture();
});

afterAll(async () => {
  await fixture[Symbol.asyncDispose]();
});

const asUser = (userId: string) => testIdentity(userId);

const PLACE = `mutation($input: PlaceOrderInput!) {
  placeOrder(input: $input) {
    __typename
    ... on OrderAccepted { order { id status side type price quantity filledQuantity remainingQuantity } }
    ... on OrderRejected { reason code message rejectedOrder { id status rejectReason } }
  }
}`;

interface PlaceResult {
  placeOrder: {
    __typename: string;
    order?: { id: string; status: string; quantity: string; remainingQuantity: string };
    rejectedOrder?: { id: string; status: string; rejectReason: string } | null;
    reason?: string;
    code?: number;
  };
}

const MSFT = demoInstrumentId('MSFT');
const place = (input: Record<string, unknown>, userId: string | null = DEMO_TRADER_ID) =>
  subgraphRequest<PlaceResult>(fixture.subgraph.url, PLACE, { input }, userId ? asUser(userId) : null);

const ordersCount = () => fixture.db.prisma.order.count();

describe('placing orders', () => {
  it('rests a limit order on the engine book and records it for the caller', async () => {
    const response = await place({
      instrumentId: MSFT,
      side: 'BUY',
      type: 'LIMIT',
      price: '400.5',
      quantity: '3',
    });
    expect(response.errors).toBeUndefined();
    const order = response.data?.placeOrder.order;
    expect(response.data?.placeOrder.__typename).toBe('OrderAccepted');
    expect(order).toMatchObject({ status: 'OPEN', quantity: '3', remainingQuantity: '3' });
    const book = await fixture.engine.getOrderBook('MSFT', 5);
    expect(book.bids[0]).toMatchObject({ price: '400.5', quantity: '3' });
    const row = await fixture.db.prisma.order.findUniqueOrThrow({ where: { id: order?.id ?? '' } });
    expect(row.userId).toBe(DEMO_TRADER_ID);
    expect(row.engineOrderId).not.toBeNull();
  });

  it('refuses anonymous callers and malformed input before anything reaches the engine', async () => {
    const before = await ordersCount();
    const anonymous = await place(
      { instrumentId: MSFT, side: 'BUY', type: 'LIMIT', price: '400', quantity: '1' },
      null,
    );
    expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
    const cases = [
      { instrumentId: MSFT, side: 'BUY', type: 'MARKET', price: '400', quantity: '1' },
      { instrumentId: MSFT, side: 'BUY', type: 'LIMIT', quantity: '1' },
      { instrumentId: MSFT, side: 'BUY', type: 'LIMIT', price: '400', quantity: '-1' },
      { instrumentId: MSFT, side: 'BUY', type: 'LIMIT', price: '400', quantity: '1e3' },
      {
        instrumentId: '00000000-0000-4000-8000-000000000000',
        side: 'BUY',
        type: 'LIMIT',
        price: '1',
        quantity: '1',
      },
      { instrumentId: 'MSFT', side: 'BUY', type: 'LIMIT', price: '1', quantity: '1' },
    ];
    for (const input of cases) {
      expect(errorCodes(await place(input)), JSON.stringify(input)).toEqual(['BAD_USER_INPUT']);
    }
    expect(await ordersCount()).toBe(before);
  });

  it('returns an off-tick price as a rejection without recording an order', async () => {
    const before = await ordersCount();
    const response = await place({
      instrumentId: MSFT,
      side: 'BUY',
      type: 'LIMIT',
      price: '400.001',
      quantity: '1',
    });
    expect(response.data?.placeOrder).toMatchObject({
      __typename: 'OrderRejected',
      reason: 'PRICE_OFF_TICK',
      rejectedOrder: null,
    });
    expect(await ordersCount()).toBe(before);
  });

  it('keeps a risk rejection in the order history as REJECTED', async () => {
    const response = await place({
      instrumentId: MSFT,
      side: 'BUY',
      type: 'LIMIT',
      price: '400',
      quantity: '2000000',
    });
    const result = response.data?.placeOrder;
    expect(result?.__typename).toBe('OrderRejected');
    expect(result?.code).toBeGreaterThanOrEqual(200);
    expect(result?.code).toBeLessThan(300);
    expect(result?.rejectedOrder).toMatchObject({ status: 'REJECTED', rejectReason: result?.reason });
  });

  it('rejects a post-only order that would cross, as a value', async () => {
    await place(
      { instrumentId: MSFT, side: 'SELL', type: 'LIMIT', price: '401', quantity: '1' },
      DEMO_ANALYST_ID,
    );
    const response = await place({
      instrumentId: MSFT,
      side: 'BUY',
      type: 'POST_ONLY',
      price: '401',
      quantity: '1',
    });
    expect(response.data?.placeOrder).toMatchObject({
      __typename: 'OrderRejected',
      reason: 'POST_ONLY_WOULD_CROSS',
    });
  });

  it('records a market order without a price, as the schema says, not with the engine’s 0', async () => {
    const AMZN = demoInstrumentId('AMZN');
    await place(
      { instrumentId: AMZN, side: 'SELL', type: 'LIMIT', price: '180', quantity: '5' },
      DEMO_ANALYST_ID,
    );
    const response = await place({ instrumentId: AMZN, side: 'BUY', type: 'MARKET', quantity: '2' });
    expect(response.data?.placeOrder).toMatchObject({
      __typename: 'OrderAccepted',
      order: { type: 'MARKET', status: 'FILLED', price: null },
    });
    const id = response.data?.placeOrder.order?.id ?? '';
    const row = await fixture.db.prisma.order.findUniqueOrThrow({ where: { id } });
    expect(row.price).toBeNull();
    const read = await subgraphRequest<{ order: { price: string | null } }>(
      fixture.subgraph.url,
      'query($id: ID!) { order(id: $id) { price } }',
      { id },
      asUser(DEMO_TRADER_ID),
    );
    expect(read.data).toEqual({ order: { price: null } });
  });
});

describe('placing an order with a client order id', () => {
  it('answers a retry with the same key with the first order, placing and recording it once', async () => {
    const input = {
      instrumentId: MSFT,
      side: 'BUY',
      type: 'LIMIT',
      price: '390.25',
      quantity: '2',
      clientOrderId: 'retry-after-timeout:1',
    };
    const first = await place(input);
    const retry = await place(input);
    expect(first.errors).toBeUndefined();
    expect(retry.errors).toBeUndefined();
    expect(first.data?.placeOrder.__typename).toBe('OrderAccepted');
    expect(retry.data?.placeOrder).toMatchObject({
      __typename: 'OrderAccepted',
      order: { id: first.data?.placeOrder.order?.id, status: 'OPEN', quantity: '2' },
    });
    const book = await fixture.engine.getOrderBook('MSFT', 50);
    expect(book.bids.find((level) => level.price === '390.25')).toMatchObject({ orderCount: 1 });
    const rows = await fixture.db.prisma.order.count({
      where: { userId: DEMO_TRADER_ID, price: '390.25', status: 'OPEN' },
    });
    expect(rows).toBe(1);
  });

  it("records a retry's order under the first request's instrument, whatever the retry names", async () => {
    const first = await place({
      instrumentId: MSFT,
      side: 'BUY',
      type: 'LIMIT',
      price: '390.5',
      quantity: '1',
      clientOrderId: 'retry-other-instrument:1',
    });
    const id = first.data?.placeOrder.order?.id ?? '';
    // As if the first answer's database write had failed: only the engine knows the order.
    await fixture.db.prisma.order.delete({ where: { id } });
    const retry = await place({
      instrumentId: demoInstrumentId('AAPL'),
      side: 'BUY',
      type: 'LIMIT',
      price: '190',
      quantity: '1',
      clientOrderId: 'retry-other-instrument:1',
    });
    expect(retry.data?.placeOrder.order?.id).toBe(id);
    const row = await fixture.db.prisma.order.findUniqueOrThrow({ where: { id } });
    expect([row.instrumentId, row.price?.toFixed()]).toEqual([MSFT, '390.5']);
  });

  it('refuses a malformed key as BAD_USER_INPUT before anything reaches the engine', async () => {
    const before = await ordersCount();
    const bookBefore = await fixture.engine.getOrderBook('MSFT', 50);
    for (const clientOrderId of ['', 'x'.repeat(65), 'with space', 'ü']) {
      const response = await place({
        instrumentId: MSFT,
        side: 'BUY',
        type: 'LIMIT',
        price: '391',
        quantity: '1',
        clientOrderId,
      });
      expect(errorCodes(response), clientOrderId).toEqual(['BAD_USER_INPUT']);
      expect(response.errors?.[0]?.extensions?.['argument']).toBe('clientOrderId');
    }
    expect(await ordersCount()).toBe(before);
    expect(await fixture.engine.getOrderBook('MSFT', 50)).toEqual(bookBefore);
  });
});

describe('changing orders', () => {
  const CANCEL = `mutation($id: ID!) { cancelOrder(id: $id) { __typename ... on OrderCancelled { order { status } } } }`;
  const AMEND = `mutation($input: AmendOrderInput!) { amendOrder(input: $input) { __typename ... on OrderAmended { order { quantity price } } ... on OrderRejected { reason } } }`;

  async function restingOrder(userId = DEMO_TRADER_ID): Promise<string> {
    const response = await place(
      { instrumentId: demoInstrumentId('AAPL'), side: 'BUY', type: 'LIMIT', price: '150', quantity: '10' },
      userId,
    );
    const id = response.data?.placeOrder.order?.id;
    if (!id) throw new Error(JSON.stringify(response));
    return id;
  }

  it("treats someone else's order as not found and leaves it on the book", async () => {
    const id = await restingOrder(DEMO_ANALYST_ID);
    const response = await subgraphRequest(fixture.subgraph.url, CANCEL, { id }, asUser(DEMO_TRADER_ID));
    expect(errorCodes(response)).toEqual(['NOT_FOUND']);
    const row = await fixture.db.prisma.order.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe('OPEN');
  });

  it('cancels an own order', async () => {
    const id = await restingOrder();
    const response = await subgraphRequest(fixture.subgraph.url, CANCEL, { id }, asUser(DEMO_TRADER_ID));
    expect(response.data).toEqual({
      cancelOrder: { __typename: 'OrderCancelled', order: { status: 'CANCELLED' } },
    });
    const again = await subgraphRequest(fixture.subgraph.url, CANCEL, { id }, asUser(DEMO_TRADER_ID));
    expect(errorCodes(again)).toEqual(['BAD_USER_INPUT']);
  });

  it('amends an own order down in quantity', async () => {
    const id = await restingOrder();
    const response = await subgraphRequest(
      fixture.subgraph.url,
      AMEND,
      { input: { id, quantity: '4' } },
      asUser(DEMO_TRADER_ID),
    );
    expect(response.data).toEqual({
      amendOrder: { __typename: 'OrderAmended', order: { quantity: '4', price: '150' } },
    });
  });

  it('averages in the fills of an amend that trades', async () => {
    const NVDA = demoInstrumentId('NVDA');
    const sell = (price: string, quantity: string) =>
      place({ instrumentId: NVDA, side: 'SELL', type: 'LIMIT', price, quantity }, DEMO_ANALYST_ID);
    await sell('151', '4');
    await sell('152', '6');
    // Takes 4 at 151 on arrival, rests 6 at 151.
    const id = (await place({ instrumentId: NVDA, side: 'BUY', type: 'LIMIT', price: '151', quantity: '10' }))
      .data?.placeOrder.order?.id;
    const response = await subgraphRequest(
      fixture.subgraph.url,
      `mutation($input: AmendOrderInput!) {
        amendOrder(input: $input) { __typename ... on OrderAmended { order { status filledQuantity averagePrice } } }
      }`,
      { input: { id, price: '152' } },
      asUser(DEMO_TRADER_ID),
    );
    // (4 × 151 + 6 × 152) / 10
    expect(response.data).toEqual({
      amendOrder: {
        __typename: 'OrderAmended',
        order: { status: 'FILLED', filledQuantity: '10', averagePrice: '151.6' },
      },
    });
  });
});
