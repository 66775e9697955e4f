import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from 'graphql-ws';
import { errorCodes, subgraphRequest } from '@mib/subgraph-kit/testing';
import { connectSubgraph, liveErrorCodes, subscribeAs } from '@mib/subgraph-kit/testing';
import { startMarketDataFixture, type MarketDataFixture } from './marketDataFixture.js';
import { orderAcceptedEvent, quoteEvent, tradeEvent } from './marketEvents.js';

let fixture: MarketDataFixture;
let client: Client;

beforeAll(async () => {
  // ZZZZ is listed on the platform but not traded by the engine.
  fixture = await startMarketDataFixture(['AAPL', 'MSFT', 'ZZZZ']);
  client = connectSubgraph(fixture.subgraph.url);
  const rest = (side: 'BUY' | 'SELL', price: string, quantity: string, symbol = 'AAPL') =>
    fixture.engine.submitOrder({ symbol, accountId: 'maker', side, type: 'LIMIT', price, quantity });
  for (const result of [
    await rest('BUY', '189.50', '10'),
    await rest('BUY', '189.50', '5'),
    await rest('BUY', '189.00', '3'),
    await rest('BUY', '188.00', '1'),
    await rest('SELL', '190.25', '7'),
  ]) {
    expect(result.kind).toBe('accepted');
  }
});

afterAll(async () => {
  await client.dispose();
  await fixture[Symbol.asyncDispose]();
});

const ORDER_BOOK = `query ($symbol: String!, $depth: Int) {
  orderBook(symbol: $symbol, depth: $depth) {
    instrument { symbol }
    bids { price quantity orders }
    asks { price quantity orders }
  }
}`;

describe('Query.orderBook', () => {
  it('shows the live book from the engine, best levels first, up to the depth', async () => {
    const response = await subgraphRequest(fixture.subgraph.url, ORDER_BOOK, { symbol: 'AAPL', depth: 2 });
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({
      orderBook: {
        instrument: { symbol: 'AAPL' },
        bids: [
          { price: '189.5', quantity: '15', orders: 2 },
          { price: '189', quantity: '3', orders: 1 },
        ],
        asks: [{ price: '190.25', quantity: '7', orders: 1 }],
      },
    });
  });

  it('shows an empty book of a traded instrument with no orders', async () => {
    const response = await subgraphRequest(fixture.subgraph.url, ORDER_BOOK, { symbol: 'MSFT' });
    expect(response.data).toEqual({ orderBook: { instrument: { symbol: 'MSFT' }, bids: [], asks: [] } });
  });

  it('is null for a symbol nobody lists and for one the engine does not trade', async () => {
    for (const symbol of ['NOPE', 'ZZZZ']) {
      const response = await subgraphRequest(fixture.subgraph.url, ORDER_BOOK, { symbol });
      expect(response).toMatchObject({ data: { orderBook: null } });
      expect(response.errors).toBeUndefined();
    }
  });

  it('refuses a depth outside 1..100 with BAD_USER_INPUT', async () => {
    for (const depth of [0, 101, -5]) {
      const response = await subgraphRequest(fixture.subgraph.url, ORDER_BOOK, { symbol: 'AAPL', depth });
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    }
  });
});

const ORDER_BOOK_UPDATES = `subscription ($symbol: String!, $depth: Int) {
  orderBook(symbol: $symbol, depth: $depth) {
    instrument { symbol }
    bids { price quantity orders }
    asks { price quantity orders }
  }
}`;

describe('Subscription.orderBook', () => {
  it('sends the book at once and a fresh snapshot after a quote of the symbol', async () => {
    const updates = subscribeAs(client, null, ORDER_BOOK_UPDATES, { symbol: 'MSFT', depth: 5 });
    expect(await updates.next()).toEqual({
      data: { orderBook: { instrument: { symbol: 'MSFT' }, bids: [], asks: [] } },
    });
    await fixture.live.whenSubscribers(1);

    const order = await fixture.engine.submitOrder({
      symbol: 'MSFT',
      accountId: 'maker',
      side: 'SELL',
      type: 'LIMIT',
      price: '420.10',
      quantity: '4',
    });
    expect(order.kind).toBe('accepted');
    // The engine's own quote event goes to the bus in production; here the test publishes it.
    await fixture.bus.publish([quoteEvent('MSFT', 1, { askPrice: '420.1', askSize: '4' })]);

    expect(await updates.next()).toEqual({
      data: {
        orderBook: {
          instrument: { symbol: 'MSFT' },
          bids: [],
          asks: [{ price: '420.1', quantity: '4', orders: 1 }],
        },
      },
    });

    // A buyer takes 1 of the 4: the trade event brings the next snapshot.
    const taker = await fixture.engine.submitOrder({
      symbol: 'MSFT',
      accountId: 'taker',
      side: 'BUY',
      type: 'IOC',
      price: '420.10',
      quantity: '1',
    });
    expect(taker.kind).toBe('accepted');
    await fixture.bus.publish([tradeEvent('MSFT', 2, '420.1', '1')]);
    expect(await updates.next()).toMatchObject({
      data: { orderBook: { asks: [{ price: '420.1', quantity: '3', orders: 1 }] } },
    });
    await updates.close();
    await fixture.live.whenSubscribers(0);
  });

  it('sends a fresh snapshot after an order rests below the best price, which moves no quote', async () => {
    const updates = subscribeAs(client, null, ORDER_BOOK_UPDATES, { symbol: 'AAPL', depth: 10 });
    const first = (await updates.next()) as { data: { orderBook: { bids: unknown[] } } };
    await fixture.live.whenSubscribers(1);
    const order = await fixture.engine.submitOrder({
      symbol: 'AAPL',
      accountId: 'maker',
      side: 'BUY',
      type: 'LIMIT',
      price: '187.00',
      quantity: '2',
    });
    if (order.kind !== 'accepted') throw new Error(`not accepted: ${JSON.stringify(order)}`);
    // The engine's own order event goes to the bus in production; here the test publishes it.
    await fixture.bus.publish([
      orderAcceptedEvent('AAPL', 1, { orderId: '9100', side: 'BUY', price: '187', quantity: '2' }),
    ]);
    expect(await updates.next()).toMatchObject({
      data: {
        orderBook: { bids: [...first.data.orderBook.bids, { price: '187', quantity: '2', orders: 1 }] },
      },
    });
    await updates.close();
    await fixture.live.whenSubscribers(0);
  });

  it('refuses an unknown symbol, one the engine does not trade and a bad depth with BAD_USER_INPUT', async () => {
    for (const variables of [
      { symbol: 'NOPE' },
      { symbol: 'ZZZZ' },
      { symbol: 'AAPL', depth: 0 },
      { symbol: 'AAPL', depth: 101 },
    ]) {
      const updates = subscribeAs(client, null, ORDER_BOOK_UPDATES, variables);
      expect(liveErrorCodes(await updates.next())).toEqual(['BAD_USER_INPUT']);
      await updates.close();
    }
  });
});
