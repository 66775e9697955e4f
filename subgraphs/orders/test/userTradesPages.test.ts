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
 * The id of trade `i` of the millisecond that trades 7, 8 and 9 share: each sorts below the one
 * before it, so an order by id alone would list them the wrong way round.
 */
const tiedTradeId = (i: number) => `00000000-0000-4000-8000-${String(100 - i).padStart(12, '0')}`;

/**
 * Twelve trades of Alice's, one a minute, numbered by the engine in that order, except that trades
 * 7, 8 and 9 share a millisecond (fills of one command: pages must put them in the engine's order,
 * which their ids contradict), alternately buying from and selling to Bob, trade 5 a self-trade;
 * between them, four trades between Bob and Carol that are not Alice's and have no engine trade
 * id (recorded before the engine), one of them in that same millisecond.
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
  const record = (buy: Order, sell: Order, at: number, engine?: { tradeId: number; id?: string }) =>
    prisma.trade.create({
      data: {
        ...(engine ? { engineShard: 0, engineTradeId: engine.tradeId } : {}),
        ...(engine?.id ? { id: engine.id } : {}),
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
    const tied = i >= 7 && i <= 9;
    const engine = { tradeId: 1000 + i, ...(tied ? { id: tiedTradeId(i) } : {}) };
    seeded.push(await record(buy, sell, start + (tied ? 7 : i) * minute, engine));
    if (i % 4 === 1) seeded.push(await record(carolBuys, bobSells, start + i * minute + 1000));
    if (i === 8) seeded.push(await record(carolBuys, bobSells, start + 7 * minute));
  }
  return seeded;
}

/** `seeded`: every recorded trade, in the order recorded. */
let fixture: SubgraphFixture<Trade[]>;
beforeAll(async () => {
  fixture = await startSubgraphFixture(ordersSubgraph, { seed: seedTrades, recordStatements: true });
});
beforeEach(() => fixture.forgetStatements());
afterAll(() => fixture[Symbol.asyncDispose]());

/**
 * Newest first: by executedAt, then the engine's trade id (none first, as PostgreSQL sorts NULL
 * in descending order), then id, all descending.
 */
const newestFirst = (a: Trade, b: Trade): number => {
  const [x, y] = [a.engineTradeId ?? Infinity, b.engineTradeId ?? Infinity];
  return (
    b.executedAt.getTime() - a.executedAt.getTime() || (x === y ? (a.id < b.id ? 1 : -1) : x < y ? 1 : -1)
  );
};

/** The trades of these orders' owners, newest first. */
async function expectedTradesOf(userId: string): Promise<string[]> {
  const orders = await fixture.db.prisma.order.findMany({ where: { userId }, select: { id: true } });
  const own = new Set(orders.map((order) => order.id));
  return fixture.seeded
    .filter((trade) => own.has(trade.buyOrderId) || own.has(trade.sellOrderId))
    .sort(newestFirst)
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
    'walks every page of %i newest first, each trade once, fills of one millisecond in execution order',
    async (first) => {
      const expected = await expectedTradesOf(alice);
      expect(expected).toHaveLength(12);
      // Trades 9, 8, 7: the engine's order, newest first, not their ids'.
      expect(expected.slice(2, 5)).toEqual([9, 8, 7].map(tiedTradeId));
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
