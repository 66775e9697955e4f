import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_ORDERS, DEMO_TRADER_ID, demoOrderId, seedDemoData } from '@mib/db';
import { adminRequest, startSubgraphFixture, type SubgraphFixture } from '@mib/subgraph-kit/testing';
import { ordersSubgraph } from '../src/index.js';

let fixture: SubgraphFixture<void>;
beforeAll(async () => {
  fixture = await startSubgraphFixture(ordersSubgraph, { seed: seedDemoData, recordStatements: true });
});
beforeEach(() => fixture.forgetStatements());
afterAll(() => fixture[Symbol.asyncDispose]());

interface TraderOrders {
  _entities: {
    orders: {
      edges: {
        node: {
          id: string;
          status: string;
          filledQuantity: string;
          remainingQuantity: string;
          trades: { quantity: string; buyOrder: { id: string }; sellOrder: { id: string } }[];
        };
      }[];
    };
  }[];
}

const traderOrders = (status?: string[]) =>
  adminRequest<TraderOrders>(
    fixture.url,
    `query($r: [_Any!]!, $status: [OrderStatus!]) {
      _entities(representations: $r) {
        ... on User { orders(first: 50, status: $status) { edges { node { id status filledQuantity remainingQuantity trades { quantity buyOrder { id } sellOrder { id } } } } } }
      }
    }`,
    { r: [{ __typename: 'User', id: DEMO_TRADER_ID }], ...(status ? { status } : {}) },
  );

describe("the demo trader's orders", () => {
  it('lists every seeded order newest first, each with its fills and exact remaining quantity', async () => {
    const response = await traderOrders();
    expect(response.errors).toBeUndefined();
    const nodes = response.data?._entities[0]?.orders.edges.map((edge) => edge.node) ?? [];
    const newestFirst = [...DEMO_ORDERS].sort((a, b) => a.hoursAgo - b.hoursAgo);
    expect(nodes.map((node) => node.id)).toEqual(newestFirst.map((order) => demoOrderId(order.key)));
    for (const [i, order] of newestFirst.entries()) {
      const node = nodes[i];
      expect(node?.status).toBe(order.status);
      expect(node?.trades.map((trade) => trade.quantity)).toEqual(order.fills.map((fill) => fill.quantity));
      const side = order.side === 'BUY' ? 'buyOrder' : 'sellOrder';
      for (const trade of node?.trades ?? []) expect(trade[side].id).toBe(node?.id);
    }
    // Cancelled after 4 of 10 filled: nothing of it works any more.
    expect(nodes.find((node) => node.id === demoOrderId('nvda-buy'))).toMatchObject({
      filledQuantity: '4',
      remainingQuantity: '0',
    });
    // The user's page of orders, all their trades, the counterparties' orders: not one per order.
    expect(fixture.statements).toHaveLength(3);
  });

  it('lists only the orders in the states asked for', async () => {
    const response = await traderOrders(['CANCELLED']);
    expect(response.data?._entities[0]?.orders.edges.map((edge) => edge.node.id)).toEqual([
      demoOrderId('aapl-sell'),
      demoOrderId('eth-buy'),
      demoOrderId('nvda-buy'),
      demoOrderId('tsla-buy'),
    ]);
    // The trader starts with no working order: none seeded could be on the engine's books.
    const working = await traderOrders(['OPEN', 'PARTIALLY_FILLED']);
    expect(working.data?._entities[0]?.orders.edges).toEqual([]);
  });
});
