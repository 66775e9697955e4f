import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Identity } from '@mib/auth';
import { demoInstrumentId } from '@mib/db';
import { errorCodes, subgraphRequest, testIdentity, type GraphQLResponse } from '@mib/subgraph-kit/testing';
import { placeFills, type OrderPair, type ScenarioTrades } from './fillsScenario.js';
import { startTradingFixture, type TradingFixture } from './tradingFixture.js';

let fixture: TradingFixture;

const alice = randomUUID();
const bob = randomUUID();
const carol = randomUUID();
/** Has a resting order but never traded. */
const dave = randomUUID();

const NVDA = demoInstrumentId('NVDA');
const AAPL = demoInstrumentId('AAPL');

/** Each trade of the scenario, by its buying and selling order. */
let placed: ScenarioTrades;

beforeAll(async () => {
  fixture = await startTradingFixture({ engineEvents: true });
  placed = await placeFills(fixture, { alice, bob, carol, dave });
});

afterAll(async () => {
  await fixture[Symbol.asyncDispose]();
});

interface TradeNode {
  id: string;
  side: string | null;
  price: string;
  quantity: string;
  executedAt: string;
  instrument: { id: string };
  buyOrder: { id: string } | null;
  sellOrder: { id: string } | null;
}

interface TradesPage {
  _entities: ({
    trades: {
      edges: { cursor: string; node: TradeNode }[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
  } | null)[];
}

/** `User.trades` as the gateway asks for it, through an entity representation of the user. */
const userTrades = (
  userId: string,
  caller: Identity | null,
  args: { instrumentId?: string; first?: number; after?: string } = {},
): Promise<GraphQLResponse<TradesPage>> =>
  subgraphRequest<TradesPage>(
    fixture.subgraph.url,
    `query($r: [_Any!]!, $instrumentId: ID, $first: Int, $after: String) {
      _entities(representations: $r) {
        ... on User {
          trades(instrumentId: $instrumentId, first: $first, after: $after) {
            edges { cursor node { id side price quantity executedAt instrument { id } buyOrder { id } sellOrder { id } } }
            pageInfo { hasNextPage endCursor }
          }
        }
      }
    }`,
    { r: [{ __typename: 'User', id: userId }], ...args },
    caller,
  );

const nodesOf = (response: GraphQLResponse<TradesPage>): TradeNode[] => {
  expect(response.errors).toBeUndefined();
  return response.data?._entities[0]?.trades.edges.map((edge) => edge.node) ?? [];
};

/** The recorded trade between these two orders. */
const tradeOf = async ({ buy, sell }: OrderPair) =>
  fixture.db.prisma.trade.findFirstOrThrow({ where: { buyOrderId: buy, sellOrderId: sell } });

/** The trades given, newest first as `User.trades` lists them: (executedAt, id) descending. */
async function newestFirst(...pairs: OrderPair[]): Promise<string[]> {
  const trades = await Promise.all(pairs.map(tradeOf));
  return trades
    .sort((a, b) => b.executedAt.getTime() - a.executedAt.getTime() || (a.id < b.id ? 1 : -1))
    .map((trade) => trade.id);
}

describe('a trader’s fills', () => {
  it('lists every trade one of the user’s orders took part in, newest first', async () => {
    const expected = {
      [alice]: await newestFirst(
        placed.aliceSellsBob,
        placed.bobSellsAlice,
        placed.carolSellsAlice,
        placed.aliceSelf,
      ),
      [bob]: await newestFirst(placed.aliceSellsBob, placed.bobSellsAlice, placed.bobSellsCarol),
      [carol]: await newestFirst(placed.carolSellsAlice, placed.bobSellsCarol),
    };
    for (const [userId, tradeIds] of Object.entries(expected)) {
      const nodes = nodesOf(await userTrades(userId, testIdentity(userId)));
      expect(nodes.map((node) => node.id)).toEqual(tradeIds);
      const times = nodes.map((node) => Date.parse(node.executedAt));
      expect([...times].sort((a, b) => b - a)).toEqual(times);
    }
  });

  it('tells the caller which side was theirs and hides the counterparty’s order', async () => {
    const nodes = nodesOf(await userTrades(alice, testIdentity(alice)));
    const byId = new Map(nodes.map((node) => [node.id, node]));
    const sold = byId.get((await tradeOf(placed.aliceSellsBob)).id);
    expect(sold).toMatchObject({
      side: 'SELL',
      price: '120',
      quantity: '3',
      instrument: { id: NVDA },
      buyOrder: null,
      sellOrder: { id: placed.aliceSellsBob.sell },
    });
    const bought = byId.get((await tradeOf(placed.carolSellsAlice)).id);
    expect(bought).toMatchObject({
      side: 'BUY',
      buyOrder: { id: placed.carolSellsAlice.buy },
      sellOrder: null,
    });
    expect(byId.get((await tradeOf(placed.bobSellsAlice)).id)?.side).toBe('BUY');
    const bobs = nodesOf(await userTrades(bob, testIdentity(bob)));
    expect(bobs.find((node) => node.id === sold?.id)).toMatchObject({
      side: 'BUY',
      buyOrder: { id: placed.aliceSellsBob.buy },
      sellOrder: null,
    });
  });

  it('lists a self-trade once, with both orders and no side', async () => {
    const selfTrade = await tradeOf(placed.aliceSelf);
    const nodes = nodesOf(await userTrades(alice, testIdentity(alice)));
    expect(nodes.filter((node) => node.id === selfTrade.id)).toEqual([
      expect.objectContaining({
        side: null,
        buyOrder: { id: placed.aliceSelf.buy },
        sellOrder: { id: placed.aliceSelf.sell },
      }),
    ]);
  });

  it('lists only the trades of the instrument asked for', async () => {
    const aapl = nodesOf(await userTrades(alice, testIdentity(alice), { instrumentId: AAPL }));
    expect(aapl.map((node) => node.id)).toEqual(
      await newestFirst(placed.bobSellsAlice, placed.carolSellsAlice),
    );
    const nvda = nodesOf(await userTrades(alice, testIdentity(alice), { instrumentId: NVDA.toUpperCase() }));
    expect(nvda.map((node) => node.id)).toEqual(await newestFirst(placed.aliceSellsBob));
    const tsla = await userTrades(alice, testIdentity(alice), { instrumentId: demoInstrumentId('TSLA') });
    expect(tsla.data?._entities[0]?.trades).toEqual({
      edges: [],
      pageInfo: { hasNextPage: false, endCursor: null },
    });
  });

  it('pages through the trades with `after`, each once', async () => {
    const all = nodesOf(await userTrades(alice, testIdentity(alice))).map((node) => node.id);
    const first = await userTrades(alice, testIdentity(alice), { first: 3 });
    const page = first.data?._entities[0]?.trades;
    expect(page?.pageInfo.hasNextPage).toBe(true);
    const rest = await userTrades(alice, testIdentity(alice), {
      first: 3,
      after: page?.pageInfo.endCursor ?? '',
    });
    expect(rest.data?._entities[0]?.trades.pageInfo).toEqual({
      hasNextPage: false,
      endCursor: rest.data?._entities[0]?.trades.edges.at(-1)?.cursor,
    });
    expect([...nodesOf(first), ...nodesOf(rest)].map((node) => node.id)).toEqual(all);
  });

  it('gives an empty connection to a user who has orders but no trades', async () => {
    const response = await userTrades(dave, testIdentity(dave));
    expect(response.errors).toBeUndefined();
    expect(response.data?._entities).toEqual([
      { trades: { edges: [], pageInfo: { hasNextPage: false, endCursor: null } } },
    ]);
  });
});

describe('the fills of one sweep', () => {
  it('lists them in execution order, under the order and the user, though they share a millisecond', async () => {
    const [maker, taker] = [randomUUID(), randomUUID()];
    const META = demoInstrumentId('META');
    const PLACE = `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { ... on OrderAccepted { order { id } } } }`;
    const place = async (userId: string, input: Record<string, unknown>) => {
      const response = await subgraphRequest<{ placeOrder: { order?: { id: string } } }>(
        fixture.subgraph.url,
        PLACE,
        { input: { instrumentId: META, ...input } },
        testIdentity(userId),
      );
      const id = response.data?.placeOrder.order?.id;
      if (!id) throw new Error(JSON.stringify(response));
      return id;
    };
    const levels = ['560.01', '560.02', '560.03', '560.04', '560.05', '560.06', '560.07'];
    for (const price of levels) await place(maker, { side: 'SELL', type: 'LIMIT', price, quantity: '1' });
    const sweep = await place(taker, { side: 'BUY', type: 'MARKET', quantity: String(levels.length) });
    await vi.waitFor(
      async () =>
        expect(await fixture.db.prisma.trade.count({ where: { buyOrderId: sweep } })).toBe(levels.length),
      { timeout: 15_000, interval: 50 },
    );
    const order = await subgraphRequest<{ order: { trades: { price: string; executedAt: string }[] } }>(
      fixture.subgraph.url,
      'query($id: ID!) { order(id: $id) { trades { price executedAt } } }',
      { id: sweep },
      testIdentity(taker),
    );
    expect(order.data?.order.trades.map((trade) => trade.price)).toEqual(levels);
    expect(new Set(order.data?.order.trades.map((trade) => trade.executedAt)).size).toBe(1);
    expect(nodesOf(await userTrades(taker, testIdentity(taker))).map((node) => node.price)).toEqual(
      [...levels].reverse(),
    );
    const pages = [await userTrades(taker, testIdentity(taker), { first: 3 })];
    for (let after = pages[0]?.data?._entities[0]?.trades.pageInfo.endCursor; after;) {
      const page = await userTrades(taker, testIdentity(taker), { first: 3, after });
      pages.push(page);
      after = page.data?._entities[0]?.trades.pageInfo.endCursor;
    }
    expect(pages.flatMap(nodesOf).map((node) => node.price)).toEqual([...levels].reverse());
  });
});

describe('who may read a user’s fills', () => {
  it('refuses another trader, leaking nothing, even with a bad instrument id', async () => {
    for (const args of [{}, { instrumentId: 'AAPL' }]) {
      const response = await userTrades(alice, testIdentity(bob), args);
      expect(errorCodes(response)).toEqual(['FORBIDDEN']);
      expect(response.data?._entities ?? [null]).toEqual([null]);
      const text = JSON.stringify(response);
      for (const id of Object.values(placed).flatMap((pair) => [pair.buy, pair.sell]))
        expect(text).not.toContain(id);
    }
  });

  it('refuses anonymous callers and callers without orders:read, even for their own fills', async () => {
    expect(errorCodes(await userTrades(alice, null))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await userTrades(alice, testIdentity(alice, 'analyst')))).toEqual(['FORBIDDEN']);
  });

  it('lets an admin read them, with both orders and the side of the user whose fills they are', async () => {
    const nodes = nodesOf(await userTrades(carol, testIdentity(randomUUID(), 'admin')));
    expect(nodes.map((node) => node.id)).toEqual(
      await newestFirst(placed.carolSellsAlice, placed.bobSellsCarol),
    );
    expect(new Map(nodes.map((node) => [node.id, node.side]))).toEqual(
      new Map([
        [(await tradeOf(placed.carolSellsAlice)).id, 'SELL'],
        [(await tradeOf(placed.bobSellsCarol)).id, 'BUY'],
      ]),
    );
    for (const node of nodes) {
      expect(node.buyOrder).not.toBeNull();
      expect(node.sellOrder).not.toBeNull();
    }
  });

  it('gives an admin the listed user’s sides, not the admin’s own, and no side on a self-trade', async () => {
    const sides = (nodes: TradeNode[]) => nodes.map((node) => [node.id, node.side]);
    // Alice is an admin here and sold the trade Bob bought: under Bob's fills it is Bob's BUY.
    const bobs = nodesOf(await userTrades(bob, testIdentity(alice, 'admin')));
    expect(sides(bobs)).toEqual(sides(nodesOf(await userTrades(bob, testIdentity(bob)))));
    const aliceSold = (await tradeOf(placed.aliceSellsBob)).id;
    expect(bobs.find((node) => node.id === aliceSold)?.side).toBe('BUY');
    const alices = nodesOf(await userTrades(alice, testIdentity(randomUUID(), 'admin')));
    expect(sides(alices)).toEqual(sides(nodesOf(await userTrades(alice, testIdentity(alice)))));
    const selfTrade = (await tradeOf(placed.aliceSelf)).id;
    expect(alices.find((node) => node.id === selfTrade)?.side).toBeNull();
  });

  it('tells the caller’s side on the trades of an order, and an admin none', async () => {
    const sidesOfOrder = async (caller: Identity) => {
      const response = await subgraphRequest<{ order: { trades: { side: string | null }[] } }>(
        fixture.subgraph.url,
        'query($id: ID!) { order(id: $id) { trades { side } } }',
        { id: placed.bobSellsCarol.sell },
        caller,
      );
      expect(response.errors).toBeUndefined();
      return response.data?.order.trades;
    };
    expect(await sidesOfOrder(testIdentity(bob))).toEqual([{ side: 'SELL' }]);
    // Not listed under a user, a trade is the caller's: Bob's side is not the admin's.
    expect(await sidesOfOrder(testIdentity(randomUUID(), 'admin'))).toEqual([{ side: null }]);
  });
});

describe('refusing bad arguments', () => {
  it('refuses a malformed or unknown instrument id as BAD_USER_INPUT', async () => {
    for (const instrumentId of ['AAPL', '00000000-0000-4000-8000-000000000000']) {
      const response = await userTrades(alice, testIdentity(alice), { instrumentId });
      expect(errorCodes(response), instrumentId).toEqual(['BAD_USER_INPUT']);
      expect(response.errors?.[0]?.extensions?.['argument']).toBe('instrumentId');
    }
  });

  it.each([0, -1, 101])('refuses first: %i as BAD_USER_INPUT', async (first) => {
    const response = await userTrades(alice, testIdentity(alice), { first });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors?.[0]?.extensions?.['argument']).toBe('first');
  });

  it('refuses a cursor this API did not issue as BAD_USER_INPUT', async () => {
    expect(errorCodes(await userTrades(alice, testIdentity(alice), { after: 'not-a-cursor' }))).toEqual([
      'BAD_USER_INPUT',
    ]);
  });
});
