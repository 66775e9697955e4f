import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@mib/db/testing';
import type { RunningService } from '@mib/subgraph-kit';
import { adminRequest, startSubgraphForTest } from '@mib/subgraph-kit/testing';
import { ordersSubgraph } from '../src/index.js';
import { seedOrders, type SeededOrders } from './orderFixtures.js';

let db: TestDatabase;
let subgraph: RunningService & AsyncDisposable;
let seeded: SeededOrders;
let statements: string[] = [];

beforeAll(async () => {
  db = await createTestDatabase({ onQuery: (query) => statements.push(query.sql) });
  seeded = await seedOrders(db.prisma);
  subgraph = await startSubgraphForTest(ordersSubgraph, db.prisma);
});

beforeEach(() => {
  statements = [];
});

afterAll(async () => {
  await subgraph[Symbol.asyncDispose]();
  await db[Symbol.asyncDispose]();
});

const entitiesQuery = `query($r: [_Any!]!) {
  _entities(representations: $r) {
    ... on Order { id status remainingQuantity trades { id buyOrder { id } sellOrder { id status } } }
    ... on Trade { id price buyOrder { id } sellOrder { id } }
    ... on User { id orders(first: 5) { edges { node { id trades { id } } } } }
  }
}`;

describe('entity references', () => {
  it('resolves order, trade and user representations in the order given, null for unknown ids', async () => {
    const [order] = seeded.aliceOrders;
    const [trade] = seeded.trades;
    const response = await adminRequest<{ _entities: unknown[] }>(subgraph.url, entitiesQuery, {
      r: [
        { __typename: 'Order', id: order?.id },
        { __typename: 'Order', id: '00000000-0000-4000-8000-000000000000' },
        { __typename: 'Trade', id: trade?.id },
        { __typename: 'Trade', id: '00000000-0000-4000-8000-000000000001' },
      ],
    });
    expect(response.errors).toBeUndefined();
    expect(response.data?._entities).toEqual([
      { id: order?.id, status: order?.status, remainingQuantity: '0.2', trades: [] },
      null,
      {
        id: trade?.id,
        price: '100',
        buyOrder: { id: trade?.buyOrderId },
        sellOrder: { id: seeded.bobSell.id },
      },
      null,
    ]);
  });

  it('resolves 20 orders with their trades and both sides of each trade in three statements', async () => {
    const filled = seeded.aliceOrders.filter((order) =>
      seeded.trades.some((trade) => trade.buyOrderId === order.id),
    );
    expect(filled).toHaveLength(20);
    const response = await adminRequest<{ _entities: { trades: unknown[] }[] }>(subgraph.url, entitiesQuery, {
      r: filled.map((order) => ({ __typename: 'Order', id: order.id })),
    });
    expect(response.errors).toBeUndefined();
    expect(response.data?._entities.flatMap((order) => order.trades)).toHaveLength(21);
    // The 20 orders, all their trades, then the one counterparty order not already cached
    // (Bob's sell): one statement per level of the query, not one per order or trade.
    expect(statements).toHaveLength(3);
  });

  it('pages the orders of many users, with their trades, in a constant number of statements', async () => {
    const users = [
      seeded.aliceId,
      seeded.bobId,
      ...Array.from({ length: 18 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`),
    ];
    const response = await adminRequest<{ _entities: { orders: { edges: unknown[] } }[] }>(
      subgraph.url,
      entitiesQuery,
      {
        r: users.map((id) => ({ __typename: 'User', id })),
      },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?._entities.map((user) => user.orders.edges.length)).toEqual([
      5,
      1,
      ...Array<number>(18).fill(0),
    ]);
    // Ranked ids, the order rows, and all their trades.
    expect(statements).toHaveLength(3);
  });
});
