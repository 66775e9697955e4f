import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Order, PrismaClient, Trade } from '@mib/db';
import {
  startSubgraphFixture,
  subgraphRequest,
  testIdentity,
  walkConnection,
  type GraphQLResponse,
  type SubgraphFixture,
} from '@mib/subgraph-kit/testing';
import { createUserTradesLoader } from '../src/data/userTradesLoader.js';
import { ordersSubgraph } from '../src/index.js';

const alice = randomUUID();
const bob = randomUUID();
const carol = randomUUID();
const instrumentId = randomUUID();

const minute = 60_000;
const start = Date.UTC(2026, 2, 2, 9, 0);

const orderOf = (prisma: PrismaClient, userId: string, side: 'BUY' | 'SELL'): Promise<Order> =>
  prisma.order.create({
    data: {
      userId,
      instrumentId,
      side,
      type: 'LIMIT',
      status: 'PARTIALLY_FILLED',
      price: '10',
      quantity: '1000',
    },
  });

/**
 * Twelve trades of Alice's, one a minute, except that trades 7, 8 and 9 share a timestamp (so
 * pages must break the tie by id), alternately buying from and selling to Bob, trade 5 a
 * self-trade; between them, three trades between Bob and Carol that are not Alice's.
 */
async function seedTrades(prisma: PrismaClient): Promise<Trade[]> {
  const [aliceBuys, aliceSells, bobBuys, bobSells, carolBuys] = [
    await orderOf(prisma, alice, 'BUY'),
    await orderOf(prisma, alice, 'SELL'),
    await orderOf(prisma, bob, 'BUY'),
    await orderOf(prisma, bob, 'SELL'),
    await orderOf(prisma, carol, 'BUY'),
  ];
  const seeded: Trade[] = [];
  const record = (buy: Order, sell: Order, at: number) =>
    prisma.trade.create({
      data: {
        instrumentId,
        buyOrderId: buy.id,
        sellOrderId: sell.id,
        buyerUserId: buy.userId,
        sellerUserId: sell.userId,
        price: '10.25',
        quantity: '1.5',
        executedAt: new Date(at),
      },
    });
  for (let i = 0; i < 12; i++) {
    const [buy, sell] =
      i === 5 ? [aliceBuys, aliceSells] : i % 2 === 0 ? [aliceBuys, bobSells] : [bobBuys, aliceSells];
    seeded.push(await record(buy, sell, start + (i === 8 || i === 9 ? 7 : i) * minute));
    if (i % 4 === 1) seeded.push(await record(carolBuys, bobSells, start + i * minute + 1000));
  }
  return seeded;
}

/** `seeded`: every recorded trade, oldest first. */
let fixture: SubgraphFixture<Trade[]>;
beforeAll(async () => {
  fixture = await startSubgraphFixture(ordersSubgraph, { seed: seedTrades, recordStatements: true });
});
beforeEach(() => fixture.forgetStatements());
afterAll(() => fixture[Symbol.asyncDispose]());

/** The trades of these orders' owners, newest first: (executedAt, id) descending, as PostgreSQL sorts uuids. */
async function expectedTradesOf(userId: string): Promise<string[]> {
  const orders = await fixture.db.prisma.order.findMany({ where: { userId }, select: { id: true } });
  const own = new Set(orders.map((order) => order.id));
  return fixture.seeded
    .filter((trade) => own.has(trade.buyOrderId) || own.has(trade.sellOrderId))
    .sort((a, b) => b.executedAt.getTime() - a.executedAt.getTime() || (a.id < b.id ? 1 : -1))
    .map((trade) => trade.id);
}

interface TradesPages {
  _entities: {
    trades: {
      edges: { cursor: string; node: { id: string; side?: string | null } }[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
  }[];
}

const tradesQuery = (selection: string) => `query($r: [_Any!]!, $first: Int, $after: String) {
  _entities(representations: $r) {
    ... on User { trades(first: $first, after: $after) { edges { cursor node { ${selection} } } pageInfo { hasNextPage endCursor } } }
  }
}`;

const userTrades = (
  userIds: readonly string[],
  args: { first?: number; after?: string | null },
  selection = 'id',
): Promise<GraphQLResponse<TradesPages>> =>
  subgraphRequest<TradesPages>(
    fixture.url,
    tradesQuery(selection),
    { r: userIds.map((id) => ({ __typename: 'User', id })), ...args },
    testIdentity(randomUUID(), 'admin'),
  );

/** A user's trade ids, page by page; each page's `endCursor` must be its last edge's cursor. */
async function walkAllPages(userId: string, first: number): Promise<string[][]> {
  const pages = await walkConnection(
    (after) => userTrades([userId], { first, after }),
    (data) => {
      const page = data._entities[0]?.trades;
      if (page) expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
      return page;
    },
  );
  return pages.map((page) => page.map((trade) => trade.id));
}

describe('paging through User.trades', () => {
  it.each([1, 3, 5, 20])(
    'walks every page of %i newest first, each trade once, ties on executedAt broken by id',
    async (first) => {
      const expected = await expectedTradesOf(alice);
      expect(expected).toHaveLength(12);
      const pages = await walkAllPages(alice, first);
      expect(pages.flat()).toEqual(expected);
      expect(pages.slice(0, -1).every((page) => page.length === first)).toBe(true);
    },
  );

  it('pages the user on the other side of the trades too', async () => {
    expect((await walkAllPages(bob, 4)).flat()).toEqual(await expectedTradesOf(bob));
    expect((await walkAllPages(carol, 4)).flat()).toEqual(await expectedTradesOf(carol));
  });

  it('reads one page in one statement, after a cursor too', async () => {
    const first = await userTrades([alice], { first: 3 });
    const after = first.data?._entities[0]?.trades.pageInfo.endCursor ?? null;
    const second = await userTrades([alice], { first: 3, after });
    expect(second.errors).toBeUndefined();
    expect(fixture.statements).toHaveLength(2);
  });

  it('pages the trades of many users, with their sides, in one statement', async () => {
    const strangers = Array.from(
      { length: 10 },
      (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    );
    const response = await userTrades([alice, bob, carol, ...strangers], { first: 2 }, 'id side');
    // All users' first pages; `side` reads the trade's own buyer and seller.
    expect(fixture.statements).toHaveLength(1);
    expect(response.errors).toBeUndefined();
    const pages = response.data?._entities.map((user) => user.trades) ?? [];
    const expected = await Promise.all([alice, bob, carol].map(expectedTradesOf));
    expect(pages.slice(0, 3).map((page) => page.edges.map((edge) => edge.node.id))).toEqual(
      expected.map((ids) => ids.slice(0, 2)),
    );
    expect(pages.slice(0, 3).map((page) => page.pageInfo.hasNextPage)).toEqual([true, true, true]);
    expect(pages.slice(3).every((page) => page.edges.length === 0 && !page.pageInfo.hasNextPage)).toBe(true);
    // The admin sees each trade from the side of the user it is listed under: the newest trade,
    // Bob buying from Alice, is Alice's SELL and Bob's BUY; Carol only buys.
    expect(pages.slice(0, 3).map((page) => page.edges.map((edge) => edge.node.side))).toEqual([
      ['SELL', 'BUY'],
      ['BUY', 'SELL'],
      ['BUY', 'BUY'],
    ]);
  });
});

describe('the user trades loader', () => {
  it('returns trade rows exactly as Prisma reads them, each with the user it was listed for', async () => {
    const rows = await createUserTradesLoader(fixture.db.prisma).load({
      parentId: bob,
      filter: null,
      page: { take: 100 },
    });
    const expected = await fixture.db.prisma.trade.findMany({
      where: { id: { in: rows.map((row) => row.id) } },
    });
    expect(rows.map((row) => row.id)).toEqual(await expectedTradesOf(bob));
    expect(rows.map(({ userId, ...trade }) => ({ userId, trade }))).toEqual(
      rows.map((row) => ({ userId: bob, trade: expected.find((trade) => trade.id === row.id) })),
    );
  });
});
