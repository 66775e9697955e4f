import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { adminRequest, startSubgraphFixture, type SubgraphFixture } from '@mib/subgraph-kit/testing';
import { ordersSubgraph } from '../src/index.js';
import { seedOrders, type SeededOrders } from './orderFixtures.js';

let fixture: SubgraphFixture<SeededOrders>;
beforeAll(async () => {
  fixture = await startSubgraphFixture(ordersSubgraph, { seed: seedOrders, recordStatements: true });
});
beforeEach(() => fixture.forgetStatements());
afterAll(() => fixture[Symbol.asyncDispose]());

const entitiesQuery = `query($r: [_Any!]!) {
  _entities(representations: $r) {
    ... on Order { id status remainingQuantity trades { id buyOrder { id } sellOrder { id status } } }
    ... on Trade { id price buyOrder { id } sellOrder { id } }
    ... on User { id orders(first: 5) { edges { node { id trades { id } } } } }
  }
}`;

describe('entity references', () => {
  it('resolves order, trade and user representations in the order given, null for unknown ids', async () => {
    const [order] = fixture.seeded.aliceOrders;
    const [trade] = fixture.seeded.trades;
    const response = await adminRequest<{ _entities: unknown[] }>(fixture.url, entitiesQuery, {
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
        sellOrder: { id: fixture.seeded.bobSell.id },
      },
      null,
    ]);
  });

  it('resolves 20 orders with their trades and both sides of each trade in three statements', async () => {
    const filled = fixture.seeded.aliceOrders.filter((order) =>
      fixture.seeded.trades.some((trade) => trade.buyOrderId === order.id),
    );
    expect(filled).toHaveLength(20);
    const response = await adminRequest<{ _entities: { trades: unknown[] }[] }>(fixture.url, entitiesQuery, {
      r: filled.map((order) => ({ __typename: 'Order', id: order.id })),
    });
    expect(response.errors).toBeUndefined();
    expect(response.data?._entities.flatMap((order) => order.trades)).toHaveLength(21);
    // The 20 orders, all their trades, then the one counterparty order not already cached
    // (Bob's sell): one statement per level of the query, not one per order or trade.
    expect(fixture.statements).toHaveLength(3);
  });

  it('pages the orders of many users, with their trades, in a constant number of statements', async () => {
    const users = [
      fixture.seeded.aliceId,
      fixture.seeded.bobId,
      ...Array.from({ length: 18 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`),
    ];
    const response = await adminRequest<{ _entities: { orders: { edges: unknown[] } }[] }>(
      fixture.url,
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
    expect(fixture.statements).toHaveLength(3);
  });
});
