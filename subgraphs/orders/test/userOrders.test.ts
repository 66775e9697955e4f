import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@mib/db/testing';
import type { RunningService } from '@mib/subgraph-kit';
import {
  errorCodes,
  adminRequest,
  startSubgraphForTest,
  type GraphQLResponse,
} from '@mib/subgraph-kit/testing';
import { ordersSubgraph } from '../src/index.js';
import { seedOrders, type SeededOrders } from './orderFixtures.js';

let db: TestDatabase;
let subgraph: RunningService & AsyncDisposable;
let seeded: SeededOrders;

beforeAll(async () => {
  db = await createTestDatabase();
  seeded = await seedOrders(db.prisma);
  subgraph = await startSubgraphForTest(ordersSubgraph, db.prisma);
});

afterAll(async () => {
  await subgraph[Symbol.asyncDispose]();
  await db[Symbol.asyncDispose]();
});

interface OrdersPage {
  _entities: ({
    orders: {
      edges: { cursor: string; node: { id: string; status: string } }[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
  } | null)[];
}

/** `User.orders` as the gateway asks for it: through an entity representation of the user. */
const userOrders = (
  userId: string,
  args: { first?: number; after?: string | null; status?: string[] },
): Promise<GraphQLResponse<OrdersPage>> =>
  adminRequest<OrdersPage>(
    subgraph.url,
    `query($r: [_Any!]!, $first: Int, $after: String, $status: [OrderStatus!]) {
      _entities(representations: $r) {
        ... on User { orders(first: $first, after: $after, status: $status) { edges { cursor node { id status } } pageInfo { hasNextPage endCursor } } }
      }
    }`,
    { r: [{ __typename: 'User', id: userId }], ...args },
  );

async function walkAllPages(userId: string, first: number, status?: string[]): Promise<string[][]> {
  const pages: string[][] = [];
  let after: string | null = null;
  for (let guard = 0; guard < 50; guard++) {
    const response: GraphQLResponse<OrdersPage> = await userOrders(userId, {
      first,
      after,
      ...(status ? { status } : {}),
    });
    const orders = response.data?._entities[0]?.orders;
    if (!orders) throw new Error(JSON.stringify(response.errors));
    pages.push(orders.edges.map((edge) => edge.node.id));
    if (!orders.pageInfo.hasNextPage) return pages;
    after = orders.pageInfo.endCursor;
  }
  throw new Error('pagination did not end');
}

describe('User.orders', () => {
  it('walks every page newest first, each order exactly once, ties on createdAt broken by id', async () => {
    const pages = await walkAllPages(seeded.aliceId, 4);
    expect(pages.map((page) => page.length)).toEqual([4, 4, 4, 4, 4, 4, 1]);
    expect(pages.flat()).toEqual(seeded.aliceOrders.map((order) => order.id));
  });

  it('returns only orders in the requested states, still paginated', async () => {
    const pages = await walkAllPages(seeded.aliceId, 3, ['OPEN', 'FILLED']);
    const expected = seeded.aliceOrders
      .filter((order) => order.status === 'OPEN' || order.status === 'FILLED')
      .map((order) => order.id);
    expect(expected).toHaveLength(13);
    expect(pages.flat()).toEqual(expected);
  });

  it('finds the orders of a user whose id arrives in upper case', async () => {
    const response = await userOrders(seeded.bobId.toUpperCase(), {});
    expect(response.data?._entities[0]?.orders.edges.map((edge) => edge.node.id)).toEqual([
      seeded.bobSell.id,
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
      subgraph.url,
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on User { orders(first: 2) { edges { cursor node { id status } } pageInfo { hasNextPage endCursor } } } } }',
      { r: [seeded.aliceId, seeded.bobId].map((id) => ({ __typename: 'User', id })) },
    );
    expect(response.errors).toBeUndefined();
    const [alice, bob] = response.data?._entities ?? [];
    expect(alice?.orders.edges.map((edge) => edge.node.id)).toEqual(
      seeded.aliceOrders.slice(0, 2).map((order) => order.id),
    );
    expect(alice?.orders.pageInfo.hasNextPage).toBe(true);
    expect(bob?.orders.edges.map((edge) => edge.node.id)).toEqual([seeded.bobSell.id]);
    expect(bob?.orders.pageInfo.hasNextPage).toBe(false);
  });

  it.each([0, -1, 101])('rejects first: %i as BAD_USER_INPUT', async (first) => {
    expect(errorCodes(await userOrders(seeded.aliceId, { first }))).toEqual(['BAD_USER_INPUT']);
  });

  it('rejects a cursor this API did not issue as BAD_USER_INPUT', async () => {
    expect(errorCodes(await userOrders(seeded.aliceId, { after: 'not-a-cursor' }))).toEqual([
      'BAD_USER_INPUT',
    ]);
  });

  it('rejects a malformed user id as BAD_USER_INPUT', async () => {
    expect(errorCodes(await userOrders('alice', {}))).toEqual(['BAD_USER_INPUT']);
  });
});
