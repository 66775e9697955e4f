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
        ... on User { orders(first: 50, status: $status) { edges { node { id status remainingQuantity trades { quantity buyOrder { id } sellOrder { id } } } } } }
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
    expect(nodes.find((node) => node.id === demoOrderId('nvda-buy'))?.remainingQuantity).toBe('6');
    // The user's page of orders, all their trades, the counterparties' orders: not one per order.
    expect(fixture.statements).toHaveLength(3);
  });

  it('lists only the resting orders when asked for OPEN ones', async () => {
    const response = await traderOrders(['OPEN']);
    expect(response.data?._entities[0]?.orders.edges.map((edge) => edge.node.id)).toEqual([
      demoOrderId('aapl-sell'),
      demoOrderId('eth-buy'),
    ]);
  });
});
