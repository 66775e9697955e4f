import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  errorCodes,
  startSubgraphFixture,
  subgraphRequest,
  testIdentity,
  type SubgraphFixture,
} from '@mib/subgraph-kit/testing';
import { ordersSubgraph } from '../src/index.js';
import { seedOrders, type SeededOrders } from './orderFixtures.js';

let fixture: SubgraphFixture<SeededOrders>;
beforeAll(async () => {
  fixture = await startSubgraphFixture(ordersSubgraph, { seed: seedOrders });
});
afterAll(() => fixture[Symbol.asyncDispose]());

const ORDER = `query($id: ID!) { order(id: $id) { id trades { buyOrder { id } sellOrder { id } } } }`;
const USER_ORDERS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { orders { edges { node { id } } } } } }`;
const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Order { id status } ... on Trade { id price } } }`;

describe('a trader sees only their own orders', () => {
  it('reads their own order, and of each fill only their own side', async () => {
    const bob = testIdentity(fixture.seeded.bobId);
    const response = await subgraphRequest<{
      order: { trades: { buyOrder: unknown; sellOrder: { id: string } | null }[] };
    }>(fixture.url, ORDER, { id: fixture.seeded.bobSell.id }, bob);
    expect(response.errors).toBeUndefined();
    const trades = response.data?.order.trades ?? [];
    expect(trades.length).toBeGreaterThan(0);
    // Bob sold; every buyer is Alice, whose orders Bob may not see.
    for (const trade of trades) {
      expect(trade.sellOrder).toEqual({ id: fixture.seeded.bobSell.id });
      expect(trade.buyOrder).toBeNull();
    }
  });

  it("refuses another user's order by id with FORBIDDEN", async () => {
    const alice = testIdentity(fixture.seeded.aliceId);
    const response = await subgraphRequest(fixture.url, ORDER, { id: fixture.seeded.bobSell.id }, alice);
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    expect(response.data).toEqual({ order: null });
  });

  it("refuses another user's order list, and lets admins read anyone's", async () => {
    const representations = { r: [{ __typename: 'User', id: fixture.seeded.bobId }] };
    const alice = await subgraphRequest(
      fixture.url,
      USER_ORDERS,
      representations,
      testIdentity(fixture.seeded.aliceId),
    );
    expect(errorCodes(alice)).toEqual(['FORBIDDEN']);
    const bob = await subgraphRequest(
      fixture.url,
      USER_ORDERS,
      representations,
      testIdentity(fixture.seeded.bobId),
    );
    expect(bob.errors).toBeUndefined();
    const admin = await subgraphRequest(
      fixture.url,
      USER_ORDERS,
      representations,
      testIdentity(fixture.seeded.aliceId, 'admin'),
    );
    expect(admin.data).toEqual(bob.data);
  });

  it("refuses another user's order through an entity reference with FORBIDDEN, as by id", async () => {
    const bobSell = { r: [{ __typename: 'Order', id: fixture.seeded.bobSell.id }] };
    const alice = await subgraphRequest(fixture.url, ENTITIES, bobSell, testIdentity(fixture.seeded.aliceId));
    expect(errorCodes(alice)).toEqual(['FORBIDDEN']);
    expect(alice.data).toEqual({ _entities: [null] });
    const bob = await subgraphRequest(fixture.url, ENTITIES, bobSell, testIdentity(fixture.seeded.bobId));
    expect(bob.data).toEqual({
      _entities: [{ id: fixture.seeded.bobSell.id, status: fixture.seeded.bobSell.status }],
    });
    const anonymous = await subgraphRequest(fixture.url, ENTITIES, bobSell);
    expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
  });

  it('serves a trade reference to either side and admins, and refuses everyone else', async () => {
    const [trade] = fixture.seeded.trades;
    const representations = { r: [{ __typename: 'Trade', id: trade?.id }] };
    for (const userId of [fixture.seeded.aliceId, fixture.seeded.bobId]) {
      const side = await subgraphRequest(fixture.url, ENTITIES, representations, testIdentity(userId));
      expect(side.data).toEqual({ _entities: [{ id: trade?.id, price: '100' }] });
    }
    const admin = await subgraphRequest(
      fixture.url,
      ENTITIES,
      representations,
      testIdentity(randomUUID(), 'admin'),
    );
    expect(admin.errors).toBeUndefined();
    const stranger = await subgraphRequest(
      fixture.url,
      ENTITIES,
      representations,
      testIdentity(randomUUID()),
    );
    expect(errorCodes(stranger)).toEqual(['FORBIDDEN']);
    expect(stranger.data).toEqual({ _entities: [null] });
  });

  it('refuses anonymous readers, and analysts (no orders:read) even their own', async () => {
    const anonymous = await subgraphRequest(fixture.url, ORDER, { id: fixture.seeded.bobSell.id });
    expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
    const analyst = await subgraphRequest(
      fixture.url,
      ORDER,
      { id: fixture.seeded.bobSell.id },
      testIdentity(fixture.seeded.bobId, 'analyst'),
    );
    expect(errorCodes(analyst)).toEqual(['FORBIDDEN']);
  });

  it('refuses to place orders for callers without orders:write, before anything is sent', async () => {
    const before = await fixture.db.prisma.order.count();
    const response = await subgraphRequest(
      fixture.url,
      `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { __typename } }`,
      {
        input: {
          instrumentId: fixture.seeded.instrumentId,
          side: 'BUY',
          type: 'LIMIT',
          price: '1',
          quantity: '1',
        },
      },
      testIdentity(fixture.seeded.aliceId, 'analyst'),
    );
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    expect(await fixture.db.prisma.order.count()).toBe(before);
  });
});
