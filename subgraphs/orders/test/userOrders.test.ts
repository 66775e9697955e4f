import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adminRequest,
  errorCodes,
  startSubgraphFixture,
  walkConnection,
  type ConnectionPage,
  type SubgraphFixture,
} from '@mib/subgraph-kit/testing';
import { ordersSubgraph } from '../src/index.js';
import { seedOrders, type SeededOrders } from './orderFixtures.js';

let fixture: SubgraphFixture<SeededOrders>;
beforeAll(async () => {
  fixture = await startSubgraphFixture(ordersSubgraph, { seed: seedOrders });
});
afterAll(() => fixture[Symbol.asyncDispose]());

interface OrdersPage {
  _entities: ({ orders: ConnectionPage<{ id: string; status: string }> } | null)[];
}

/** `User.orders` as the gateway asks for it: through an entity representation of the user. */
const userOrders = (userId: string, args: { first?: number; after?: string | null; status?: string[] }) =>
  adminRequest<OrdersPage>(
    fixture.url,
    `query($r: [_Any!]!, $first: Int, $after: String, $status: [OrderStatus!]) {
      _entities(representations: $r) {
        ... on User { orders(first: $first, after: $after, status: $status) { edges { cursor node { id status } } pageInfo { hasNextPage endCursor } } }
      }
    }`,
    { r: [{ __typename: 'User', id: userId }], ...args },
  );

/** A user's orders, page by page. */
const walkAllPages = (userId: string, first: number, status?: string[]) =>
  walkConnection(
    (after) => userOrders(userId, { first, after, ...(status ? { status } : {}) }),
    (data) => data._entities[0]?.orders,
  );

describe('User.orders', () => {
  it('walks every page newest first, each order exactly once, ties on createdAt broken by id', async () => {
    const pages = await walkAllPages(fixture.seeded.aliceId, 4);
    expect(pages.map((page) => page.length)).toEqual([4, 4, 4, 4, 4, 4, 1]);
    expect(pages.flat().map((order) => order.id)).toEqual(
      fixture.seeded.aliceOrders.map((order) => order.id),
    );
  });

  it('returns only orders in the requested states, still paginated', async () => {
    const pages = await walkAllPages(fixture.seeded.aliceId, 3, ['OPEN', 'FILLED']);
    const expected = fixture.seeded.aliceOrders
      .filter((order) => order.status === 'OPEN' || order.status === 'FILLED')
      .map((order) => order.id);
    expect(expected).toHaveLength(13);
    expect(pages.flat().map((order) => order.id)).toEqual(expected);
  });

  it('finds the orders of a user whose id arrives in upper case', async () => {
    const response = await userOrders(fixture.seeded.bobId.toUpperCase(), {});
    expect(response.data?._entities[0]?.orders.edges.map((edge) => edge.node.id)).toEqual([
      fixture.seeded.bobSell.id,
    ]);
  });

  it('gives an empty connection to a user with no orders', async () => {
    const response = await userOrders('00000000-0000-4000-8000-000000000000', {});
    expect(response.data?._entities).toEqual([
      { orders: { edges: [], pageInfo: { hasNextPage: false, endCursor: null } } },
    ]);
  });

  it('pages each user separately when many users are resolved at once', async () => {
    const response = await adminRequest<OrdersPage>(
      fixture.url,
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on User { orders(first: 2) { edges { cursor node { id status } } pageInfo { hasNextPage endCursor } } } } }',
      { r: [fixture.seeded.aliceId, fixture.seeded.bobId].map((id) => ({ __typename: 'User', id })) },
    );
    expect(response.errors).toBeUndefined();
    const [alice, bob] = response.data?._entities ?? [];
    expect(alice?.orders.edges.map((edge) => edge.node.id)).toEqual(
      fixture.seeded.aliceOrders.slice(0, 2).map((order) => order.id),
    );
    expect(alice?.orders.pageInfo.hasNextPage).toBe(true);
    expect(bob?.orders.edges.map((edge) => edge.node.id)).toEqual([fixture.seeded.bobSell.id]);
    expect(bob?.orders.pageInfo.hasNextPage).toBe(false);
  });

  it.each([0, -1, 101])('rejects first: %i as BAD_USER_INPUT', async (first) => {
    expect(errorCodes(await userOrders(fixture.seeded.aliceId, { first }))).toEqual(['BAD_USER_INPUT']);
  });

  it('rejects a cursor this API did not issue as BAD_USER_INPUT', async () => {
    expect(errorCodes(await userOrders(fixture.seeded.aliceId, { after: 'not-a-cursor' }))).toEqual([
      'BAD_USER_INPUT',
    ]);
  });

  it('rejects a malformed user id as BAD_USER_INPUT', async () => {
    expect(errorCodes(await userOrders('alice', {}))).toEqual(['BAD_USER_INPUT']);
  });
});
