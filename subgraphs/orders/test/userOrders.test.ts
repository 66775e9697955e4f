import type { Identity } from '@mib/auth';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  errorCodes,
  startSubgraphFixture,
  subgraphRequest,
  TEST_ADMIN,
  testIdentity,
  walkConnection,
  type ConnectionPage,
  type SubgraphFixture,
} from '@mib/subgraph-kit/testing';
import { ordersSubgraph } from '../src/index.js';
import { seedBlotter, seedOrders, type SeededBlotter, type SeededOrders } from './orderFixtures.js';

let fixture: SubgraphFixture<SeededOrders & SeededBlotter>;
beforeAll(async () => {
  fixture = await startSubgraphFixture(ordersSubgraph, {
    seed: async (prisma) => ({ ...(await seedOrders(prisma)), ...(await seedBlotter(prisma)) }),
    recordStatements: true,
  });
});
beforeEach(() => fixture.forgetStatements());
afterAll(() => fixture[Symbol.asyncDispose]());

interface OrdersPage {
  _entities: ({ orders: ConnectionPage<{ id: string; status: string }> } | null)[];
}

interface OrdersArguments {
  first?: number;
  after?: string | null;
  status?: string[];
  instrumentId?: string;
}

const ORDERS = `query($r: [_Any!]!, $first: Int, $after: String, $status: [OrderStatus!], $instrumentId: ID) {
  _entities(representations: $r) {
    ... on User {
      orders(first: $first, after: $after, status: $status, instrumentId: $instrumentId) {
        edges { cursor node { id status } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
}`;

/** `User.orders` of these users as the gateway asks for it: through entity representations. */
const ordersOfUsers = (userIds: readonly string[], args: OrdersArguments, caller: Identity = TEST_ADMIN) =>
  subgraphRequest<OrdersPage>(
    fixture.url,
    ORDERS,
    { r: userIds.map((id) => ({ __typename: 'User', id })), ...args },
    caller,
  );

const userOrders = (userId: string, args: OrdersArguments, caller?: Identity) =>
  ordersOfUsers([userId], args, caller);

/** A user's orders, page by page. */
const walkAllPages = (userId: string, first: number, filter: Omit<OrdersArguments, 'first' | 'after'> = {}) =>
  walkConnection(
    (after) => userOrders(userId, { first, after, ...filter }),
    (data) => data._entities[0]?.orders,
  );

const idsOf = (orders: readonly { id: string }[]) => orders.map((order) => order.id);

describe('User.orders', () => {
  it('walks every page newest first, each order exactly once, ties on createdAt broken by id', async () => {
    const pages = await walkAllPages(fixture.seeded.aliceId, 4);
    expect(pages.map((page) => page.length)).toEqual([4, 4, 4, 4, 4, 4, 1]);
    expect(pages.flat().map((order) => order.id)).toEqual(
      fixture.seeded.aliceOrders.map((order) => order.id),
    );
  });

  it('returns only orders in the requested states, still paginated', async () => {
    const pages = await walkAllPages(fixture.seeded.aliceId, 3, { status: ['OPEN', 'FILLED'] });
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
    const response = await ordersOfUsers([fixture.seeded.aliceId, fixture.seeded.bobId], { first: 2 });
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

describe('User.orders of one instrument', () => {
  it('lists only the orders of that instrument, newest first, every page after the first included', async () => {
    const { carolId, carolOrders, instrumentIds } = fixture.seeded;
    for (const instrumentId of instrumentIds) {
      const expected = idsOf(carolOrders.filter((order) => order.instrumentId === instrumentId));
      const pages = await walkAllPages(carolId, 3, { instrumentId });
      expect(pages.flat().map((order) => order.id)).toEqual(expected);
    }
    // The first instrument's 10 orders, two of them at the same minute: pages of 3, 3, 3 and 1.
    expect(
      (await walkAllPages(carolId, 3, { instrumentId: instrumentIds[0] })).map((page) => page.length),
    ).toEqual([3, 3, 3, 1]);
  });

  it('combines the instrument with the states asked for', async () => {
    const { carolId, carolOrders, instrumentIds } = fixture.seeded;
    const [instrumentId] = instrumentIds;
    const expected = carolOrders
      .filter((order) => order.instrumentId === instrumentId && ['OPEN', 'FILLED'].includes(order.status))
      .map((order) => order.id);
    expect(expected).toHaveLength(5);
    const pages = await walkAllPages(carolId, 2, { instrumentId, status: ['OPEN', 'FILLED'] });
    expect(pages.flat().map((order) => order.id)).toEqual(expected);
  });

  it('takes the instrument id in upper case', async () => {
    const { carolId, carolOrders, instrumentIds } = fixture.seeded;
    const response = await userOrders(carolId, { first: 50, instrumentId: instrumentIds[1].toUpperCase() });
    expect(response.data?._entities[0]?.orders.edges.map((edge) => edge.node.id)).toEqual(
      idsOf(carolOrders.filter((order) => order.instrumentId === instrumentIds[1])),
    );
  });

  it('pages the users of one request with the same filter in one pair of statements', async () => {
    const { carolId, daveId, carolOrders, daveOrders, instrumentIds } = fixture.seeded;
    const [instrumentId] = instrumentIds;
    const response = await ordersOfUsers([carolId, daveId], { first: 3, instrumentId, status: ['OPEN'] });
    expect(response.errors).toBeUndefined();
    const openOf = (orders: readonly { instrumentId: string; status: string; id: string }[]) =>
      idsOf(orders.filter((order) => order.instrumentId === instrumentId && order.status === 'OPEN')).slice(
        0,
        3,
      );
    expect(
      response.data?._entities.map((user) => idsOf(user?.orders.edges.map((edge) => edge.node) ?? [])),
    ).toEqual([openOf(carolOrders), openOf(daveOrders)]);
    // The instrument is looked up once for both users (not at all while the catalogue holds it).
    const catalogue = fixture.statements.filter((sql) => sql.includes('"market"."instruments"'));
    expect(catalogue.length).toBeLessThanOrEqual(1);
    // Ranked ids of both users' pages, then their rows.
    expect(fixture.statements.length - catalogue.length).toBe(2);
  });

  it('gives an empty connection for an instrument the user never traded', async () => {
    const response = await userOrders(fixture.seeded.aliceId, {
      instrumentId: fixture.seeded.instrumentIds[0],
    });
    expect(response.data?._entities).toEqual([
      { orders: { edges: [], pageInfo: { hasNextPage: false, endCursor: null } } },
    ]);
  });

  it.each(['BLOTTER0', '00000000-0000-4000-8000-000000000000'])(
    'rejects the malformed or unknown instrument id %s as BAD_USER_INPUT',
    async (instrumentId) => {
      const { carolId } = fixture.seeded;
      const response = await userOrders(carolId, { instrumentId }, testIdentity(carolId));
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors?.[0]?.extensions?.['argument']).toBe('instrumentId');
    },
  );

  it('refuses a stranger with FORBIDDEN before looking at the instrument', async () => {
    const { carolId, daveId, instrumentIds } = fixture.seeded;
    for (const instrumentId of ['BLOTTER0', '00000000-0000-4000-8000-000000000000', instrumentIds[0]]) {
      const response = await userOrders(carolId, { instrumentId }, testIdentity(daveId));
      expect(errorCodes(response), instrumentId).toEqual(['FORBIDDEN']);
    }
  });
});
