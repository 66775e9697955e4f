import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adminRequest,
  errorCodes,
  startSubgraphFixture,
  type SubgraphFixture,
} from '@mib/subgraph-kit/testing';
import { ordersSubgraph } from '../src/index.js';
import { seedOrders, type SeededOrders } from './orderFixtures.js';

let fixture: SubgraphFixture<SeededOrders>;
beforeAll(async () => {
  fixture = await startSubgraphFixture(ordersSubgraph, { seed: seedOrders });
});
afterAll(() => fixture[Symbol.asyncDispose]());

const orderQuery = `query($id: ID!) {
  order(id: $id) {
    id user { id } instrument { id } side type status price quantity filledQuantity remainingQuantity
    averagePrice rejectReason createdAt
    trades { id price quantity executedAt buyOrder { id } sellOrder { id side } }
  }
}`;

describe('Query.order', () => {
  it("provides its instrument's symbol from the catalogue (and none for an instrument it does not know)", async () => {
    const [order] = fixture.seeded.aliceOrders;
    const query = 'query($id: ID!) { order(id: $id) { instrument { id symbol } } }';
    const unknown = await adminRequest(fixture.url, query, { id: order?.id });
    expect(errorCodes(unknown)).toEqual(['INTERNAL']);
    await fixture.db.prisma.instrument.create({
      data: {
        id: fixture.seeded.instrumentId,
        symbol: 'ORDX',
        name: 'Orders test instrument',
        assetClass: 'EQUITY',
        currency: 'USD',
        tickSize: '0.01',
        lotSize: '0.01',
      },
    });
    // The catalogue keeps an answer for a second; a miss is not kept.
    const known = await adminRequest(fixture.url, query, { id: order?.id });
    expect(known.data).toEqual({
      order: { instrument: { id: fixture.seeded.instrumentId, symbol: 'ORDX' } },
    });
  });

  it('returns an order with exact decimals, references to its user and instrument, and its fills oldest first', async () => {
    const order = fixture.seeded.aliceOrders.at(-1);
    const response = await adminRequest(fixture.url, orderQuery, { id: order?.id });
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({
      order: {
        id: order?.id,
        user: { id: fixture.seeded.aliceId },
        instrument: { id: fixture.seeded.instrumentId },
        side: 'BUY',
        type: 'LIMIT',
        status: 'OPEN',
        price: '100.5',
        quantity: '0.3',
        filledQuantity: '0.1',
        // 0.3 - 0.1 in binary floating point would be 0.19999999999999998.
        remainingQuantity: '0.2',
        averagePrice: null,
        rejectReason: null,
        createdAt: '2026-01-05T09:00:00.000Z',
        trades: [
          {
            id: fixture.seeded.trades[0]?.id,
            price: '100',
            quantity: '0.05',
            executedAt: '2026-01-05T09:00:01.000Z',
            buyOrder: { id: order?.id },
            sellOrder: { id: fixture.seeded.bobSell.id, side: 'SELL' },
          },
          {
            id: fixture.seeded.trades[20]?.id,
            price: '100.25',
            quantity: '0.05',
            executedAt: '2026-01-05T09:30:00.000Z',
            buyOrder: { id: order?.id },
            sellOrder: { id: fixture.seeded.bobSell.id, side: 'SELL' },
          },
        ],
      },
    });
  });

  it("lists every fill on the counterparty's order too", async () => {
    const response = await adminRequest<{ order: { trades: { id: string }[] } }>(
      fixture.url,
      'query($id: ID!) { order(id: $id) { remainingQuantity trades { id } } }',
      { id: fixture.seeded.bobSell.id },
    );
    expect(response.data?.order.trades.map((trade) => trade.id).sort()).toEqual(
      fixture.seeded.trades.map((trade) => trade.id).sort(),
    );
  });

  it('lists the fills of one millisecond (one sweep) in execution order, not by id', async () => {
    const { prisma } = fixture.db;
    const order = (userId: string, side: 'BUY' | 'SELL') =>
      prisma.order.create({
        data: {
          userId,
          instrumentId: fixture.seeded.instrumentId,
          side,
          type: 'LIMIT',
          status: 'FILLED',
          price: '101',
          quantity: '3',
          filledQuantity: '3',
        },
      });
    const [buy, sell] = [
      await order(fixture.seeded.aliceId, 'BUY'),
      await order(fixture.seeded.bobSell.userId, 'SELL'),
    ];
    const executedAt = new Date(Date.UTC(2026, 0, 6, 9, 0));
    // The engine numbered them 501, 502, 503; their ids sort the other way round.
    const sweep = [501, 502, 503].map((engineTradeId) => ({
      id: `00000000-0000-4000-8000-${String(1000 - engineTradeId).padStart(12, '0')}`,
      engineTradeId,
    }));
    for (const [index, { id, engineTradeId }] of sweep.entries())
      await prisma.trade.create({
        data: {
          id,
          engineShard: 0,
          engineTradeId,
          instrumentId: fixture.seeded.instrumentId,
          buyOrderId: buy.id,
          sellOrderId: sell.id,
          buyerUserId: buy.userId,
          sellerUserId: sell.userId,
          price: `100.${index + 1}`,
          quantity: '1',
          executedAt,
        },
      });
    const response = await adminRequest<{ order: { trades: { id: string; price: string }[] } }>(
      fixture.url,
      'query($id: ID!) { order(id: $id) { trades { id price } } }',
      { id: buy.id },
    );
    expect(response.data?.order.trades).toEqual(
      sweep.map(({ id }, index) => ({ id, price: `100.${index + 1}` })),
    );
  });

  it('leaves nothing remaining of an order that no longer works: cancelled or rejected part-way', async () => {
    const base = fixture.seeded.aliceOrders.at(-1);
    for (const status of ['CANCELLED', 'REJECTED'] as const) {
      const order = await fixture.db.prisma.order.create({
        data: {
          userId: fixture.seeded.aliceId,
          instrumentId: fixture.seeded.instrumentId,
          side: 'BUY',
          type: 'LIMIT',
          status,
          price: '100',
          quantity: '10',
          filledQuantity: status === 'CANCELLED' ? '4' : '0',
          createdAt: base?.createdAt ?? new Date(),
        },
      });
      const response = await adminRequest(
        fixture.url,
        'query($id: ID!) { order(id: $id) { status filledQuantity remainingQuantity } }',
        { id: order.id },
      );
      expect(response.data).toEqual({
        order: { status, filledQuantity: order.filledQuantity.toFixed(), remainingQuantity: '0' },
      });
    }
  });

  it('answers null for the price of a market order recorded with the engine’s 0', async () => {
    const order = await fixture.db.prisma.order.create({
      data: {
        userId: fixture.seeded.aliceId,
        instrumentId: fixture.seeded.instrumentId,
        side: 'BUY',
        type: 'MARKET',
        status: 'FILLED',
        price: '0',
        quantity: '2',
        filledQuantity: '2',
        createdAt: fixture.seeded.aliceOrders.at(-1)?.createdAt ?? new Date(),
      },
    });
    const response = await adminRequest(fixture.url, 'query($id: ID!) { order(id: $id) { type price } }', {
      id: order.id,
    });
    expect(response.data).toEqual({ order: { type: 'MARKET', price: null } });
  });

  it('returns null for an unknown id', async () => {
    const response = await adminRequest(fixture.url, orderQuery, {
      id: '00000000-0000-4000-8000-000000000000',
    });
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ order: null });
  });

  it('rejects a malformed id as BAD_USER_INPUT', async () => {
    const response = await adminRequest(fixture.url, orderQuery, { id: 'order-1' });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
  });

  it('writes nothing when asked for bad input', async () => {
    const before = await Promise.all([fixture.db.prisma.order.count(), fixture.db.prisma.trade.count()]);
    await adminRequest(fixture.url, orderQuery, { id: 'order-1' });
    await adminRequest(
      fixture.url,
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on User { orders(first: 0) { edges { cursor } } } } }',
      { r: [{ __typename: 'User', id: fixture.seeded.aliceId }] },
    );
    expect(await Promise.all([fixture.db.prisma.order.count(), fixture.db.prisma.trade.count()])).toEqual(
      before,
    );
  });

  it('serves /health with a database check', async () => {
    const health = await fetch(new URL('/health', fixture.url));
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({
      service: 'orders',
      status: 'ok',
      checks: { database: { ok: true } },
    });
  });
});
