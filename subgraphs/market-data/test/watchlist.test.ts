import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Identity } from '@mib/auth';
import { demoInstrumentId, seedDemoData, type PrismaClient } from '@mib/db';
import {
  entityAccessByCaller,
  errorCodes,
  OWNER_AND_ADMINS_ONLY,
  startSubgraphFixture,
  subgraphRequest,
  testIdentity,
  type SubgraphFixture,
} from '@mib/subgraph-kit/testing';
import { marketDataSubgraph } from '../src/index.js';

const CAP = 200;

/** The demo data, plus enough instruments beyond it to fill a watchlist past its cap. */
async function seedWithSpareInstruments(prisma: PrismaClient): Promise<{ spareIds: string[] }> {
  await seedDemoData(prisma);
  const symbols = Array.from({ length: CAP + 5 }, (_, i) => `WL${String(i).padStart(3, '0')}`);
  await prisma.instrument.createMany({
    data: symbols.map((symbol) => ({
      symbol,
      name: `${symbol} spare`,
      assetClass: 'EQUITY' as const,
      currency: 'USD',
      tickSize: '0.01',
      lotSize: '1',
    })),
  });
  const spares = await prisma.instrument.findMany({
    where: { symbol: { in: symbols } },
    orderBy: { symbol: 'asc' },
  });
  return { spareIds: spares.map((instrument) => instrument.id) };
}

let fixture: SubgraphFixture<{ spareIds: string[] }>;
beforeAll(async () => {
  fixture = await startSubgraphFixture(marketDataSubgraph, { seed: seedWithSpareInstruments });
});
afterAll(() => fixture[Symbol.asyncDispose]());

const ADD = 'mutation($id: ID!) { change: addToWatchlist(instrumentId: $id) { symbol } }';
const REMOVE = 'mutation($id: ID!) { change: removeFromWatchlist(instrumentId: $id) { symbol } }';
const WATCHLISTS = `query($r: [_Any!]!) {
  _entities(representations: $r) { ... on User { watchlist { id symbol name quote { last } } } }
}`;

const AAPL = demoInstrumentId('AAPL');
const MSFT = demoInstrumentId('MSFT');
const EURUSD = demoInstrumentId('EURUSD');

/** A mutation of `caller`'s list: the symbols it answered with, and its error codes. */
async function change(mutation: string, instrumentId: string, caller: Identity | null) {
  const response = await subgraphRequest<{ change: { symbol: string }[] }>(
    fixture.url,
    mutation,
    { id: instrumentId },
    caller,
  );
  return {
    symbols: response.data?.change.map((instrument) => instrument.symbol),
    codes: errorCodes(response),
    errors: response.errors ?? [],
  };
}

/** `User.watchlist` of one user, as the gateway asks for it, read by its owner. */
async function watchlistSymbols(userId: string): Promise<string[] | undefined> {
  const response = await subgraphRequest<{ _entities: { watchlist: { symbol: string }[] }[] }>(
    fixture.url,
    WATCHLISTS,
    { r: [{ __typename: 'User', id: userId }] },
    testIdentity(userId),
  );
  expect(response.errors).toBeUndefined();
  return response.data?._entities[0]?.watchlist.map((instrument) => instrument.symbol);
}

/** An API key of `owner` carrying only `scopes`, as the gateway vouches for one. */
const apiKeyOf = (owner: Identity, scopes: Identity['scopes']): Identity => ({
  ...owner,
  scopes,
  credential: { kind: 'apiKey', id: randomUUID() },
});

const storedEntries = (userId: string) => fixture.db.prisma.watchlistEntry.count({ where: { userId } });

/** `count` spare instruments on `userId`'s list, written straight to the table. */
async function fillWatchlist(userId: string, count: number): Promise<void> {
  const start = Date.UTC(2026, 10, 1);
  await fixture.db.prisma.watchlistEntry.createMany({
    data: fixture.seeded.spareIds.slice(0, count).map((instrumentId, i) => ({
      userId,
      instrumentId,
      addedAt: new Date(start + i * 1000),
    })),
  });
}

describe('Mutation.addToWatchlist and removeFromWatchlist', () => {
  it('adds instruments at the end of the list and answers with the list after each change', async () => {
    const trader = testIdentity(randomUUID());
    expect(await watchlistSymbols(trader.userId)).toEqual([]);
    expect(await change(ADD, MSFT, trader)).toEqual({ symbols: ['MSFT'], codes: [], errors: [] });
    expect((await change(ADD, AAPL, trader)).symbols).toEqual(['MSFT', 'AAPL']);
    expect((await change(ADD, EURUSD, trader)).symbols).toEqual(['MSFT', 'AAPL', 'EURUSD']);
    expect(await watchlistSymbols(trader.userId)).toEqual(['MSFT', 'AAPL', 'EURUSD']);
  });

  it('keeps an instrument added twice once, in its first place', async () => {
    const trader = testIdentity(randomUUID());
    await change(ADD, AAPL, trader);
    await change(ADD, MSFT, trader);
    expect(await change(ADD, AAPL.toUpperCase(), trader)).toMatchObject({
      symbols: ['AAPL', 'MSFT'],
      codes: [],
    });
    expect(await storedEntries(trader.userId)).toBe(2);
  });

  it('removes an instrument, and changes nothing for one not on the list', async () => {
    const trader = testIdentity(randomUUID());
    await change(ADD, AAPL, trader);
    await change(ADD, MSFT, trader);
    await change(ADD, EURUSD, trader);
    expect(await change(REMOVE, MSFT, trader)).toMatchObject({ symbols: ['AAPL', 'EURUSD'], codes: [] });
    expect(await change(REMOVE, MSFT, trader)).toMatchObject({ symbols: ['AAPL', 'EURUSD'], codes: [] });
    // Added again, it goes to the end.
    expect((await change(ADD, MSFT, trader)).symbols).toEqual(['AAPL', 'EURUSD', 'MSFT']);
  });

  it('answers each change of one operation with the list after it', async () => {
    const trader = testIdentity(randomUUID());
    const response = await subgraphRequest(
      fixture.url,
      `mutation($a: ID!, $b: ID!) {
        first: addToWatchlist(instrumentId: $a) { symbol }
        second: addToWatchlist(instrumentId: $b) { symbol }
        third: removeFromWatchlist(instrumentId: $a) { symbol }
      }`,
      { a: AAPL, b: MSFT },
      trader,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({
      first: [{ symbol: 'AAPL' }],
      second: [{ symbol: 'AAPL' }, { symbol: 'MSFT' }],
      third: [{ symbol: 'MSFT' }],
    });
  });

  it("changes only the caller's own list", async () => {
    const [first, second] = [testIdentity(randomUUID()), testIdentity(randomUUID())];
    await change(ADD, AAPL, first);
    await change(ADD, MSFT, second);
    await change(REMOVE, AAPL, second);
    expect(await watchlistSymbols(first.userId)).toEqual(['AAPL']);
    expect(await watchlistSymbols(second.userId)).toEqual(['MSFT']);
  });

  it('refuses anonymous callers with UNAUTHENTICATED and writes nothing', async () => {
    const before = await fixture.db.prisma.watchlistEntry.count();
    expect((await change(ADD, AAPL, null)).codes).toEqual(['UNAUTHENTICATED']);
    expect((await change(REMOVE, AAPL, null)).codes).toEqual(['UNAUTHENTICATED']);
    expect(await fixture.db.prisma.watchlistEntry.count()).toBe(before);
  });

  it('refuses a read-only key (market:read alone) with FORBIDDEN, leaving the list as it was', async () => {
    const owner = testIdentity(randomUUID());
    await change(ADD, AAPL, owner);
    const dashboardKey = apiKeyOf(owner, ['market:read']);
    for (const [mutation, instrumentId] of [
      [ADD, MSFT],
      [REMOVE, AAPL],
    ] as const)
      expect(await change(mutation, instrumentId, dashboardKey)).toMatchObject({
        symbols: undefined,
        codes: ['FORBIDDEN'],
      });
    expect(await watchlistSymbols(owner.userId)).toEqual(['AAPL']);
    expect(await storedEntries(owner.userId)).toBe(1);
  });

  it('refuses watchlist:write without market:read (the mutations return the list)', async () => {
    const owner = testIdentity(randomUUID());
    const writeOnly = apiKeyOf(owner, ['watchlist:write']);
    for (const mutation of [ADD, REMOVE])
      expect(await change(mutation, AAPL, writeOnly)).toMatchObject({
        symbols: undefined,
        codes: ['FORBIDDEN'],
      });
    expect(await storedEntries(owner.userId)).toBe(0);
  });

  it('lets a key with market:read and watchlist:write change the list', async () => {
    const owner = testIdentity(randomUUID());
    const watchlistKey = apiKeyOf(owner, ['market:read', 'watchlist:write']);
    expect(await change(ADD, AAPL, watchlistKey)).toEqual({ symbols: ['AAPL'], codes: [], errors: [] });
    expect(await change(ADD, MSFT, watchlistKey)).toMatchObject({ symbols: ['AAPL', 'MSFT'], codes: [] });
    expect(await change(REMOVE, AAPL, watchlistKey)).toMatchObject({ symbols: ['MSFT'], codes: [] });
    expect(await watchlistSymbols(owner.userId)).toEqual(['MSFT']);
  });

  it('lets traders, analysts and admins change their own lists', async () => {
    for (const role of ['trader', 'analyst', 'admin'] as const) {
      const caller = testIdentity(randomUUID(), role);
      expect(await change(ADD, EURUSD, caller)).toMatchObject({ symbols: ['EURUSD'], codes: [] });
      expect(await change(REMOVE, EURUSD, caller)).toMatchObject({ symbols: [], codes: [] });
    }
  });

  it('answers a malformed or unknown instrument id with BAD_USER_INPUT on instrumentId, writing nothing', async () => {
    const trader = testIdentity(randomUUID());
    await change(ADD, AAPL, trader);
    for (const mutation of [ADD, REMOVE])
      for (const id of ['AAPL', '', '00000000-0000-4000-8000-000000000000']) {
        const { symbols, codes, errors } = await change(mutation, id, trader);
        expect(symbols).toBeUndefined();
        expect(codes).toEqual(['BAD_USER_INPUT']);
        expect(errors[0]?.extensions?.['argument']).toBe('instrumentId');
      }
    expect(await watchlistSymbols(trader.userId)).toEqual(['AAPL']);
  });

  it(`caps a watchlist at ${CAP} instruments and writes nothing past it`, async () => {
    const trader = testIdentity(randomUUID());
    await fillWatchlist(trader.userId, CAP);
    const refused = await change(ADD, AAPL, trader);
    expect(refused.codes).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors[0]?.message).toMatch(/at most 200 instruments/);
    expect(refused.errors[0]?.extensions?.['argument']).toBe('instrumentId');
    expect(await storedEntries(trader.userId)).toBe(CAP);
    // One already listed is still a no-op, not an error; with room again, the add goes through.
    const listed = fixture.seeded.spareIds[0] ?? '';
    expect((await change(ADD, listed, trader)).symbols).toHaveLength(CAP);
    await change(REMOVE, listed, trader);
    expect((await change(ADD, AAPL, trader)).symbols?.at(-1)).toBe('AAPL');
    expect(await storedEntries(trader.userId)).toBe(CAP);
  });

  it('holds the cap when adds race each other', async () => {
    const trader = testIdentity(randomUUID());
    await fillWatchlist(trader.userId, CAP - 2);
    const racing = fixture.seeded.spareIds.slice(CAP - 2, CAP + 3);
    const results = await Promise.all(racing.map((id) => change(ADD, id, trader)));
    expect(results.filter((result) => result.codes.length === 0)).toHaveLength(2);
    expect(results.flatMap((result) => result.codes)).toEqual(Array<string>(3).fill('BAD_USER_INPUT'));
    expect(await storedEntries(trader.userId)).toBe(CAP);
  });
});

describe('User.watchlist', () => {
  it('is served to its owner and to admins only', async () => {
    const owner = testIdentity(randomUUID());
    await change(ADD, AAPL, owner);
    const access = await entityAccessByCaller(
      fixture.url,
      WATCHLISTS,
      [{ __typename: 'User', id: owner.userId }],
      owner.userId,
    );
    expect(access).toEqual(OWNER_AND_ADMINS_ONLY);
  });

  it('gives an admin the listed instruments with their quotes', async () => {
    const owner = testIdentity(randomUUID());
    await change(ADD, EURUSD, owner);
    const response = await subgraphRequest(
      fixture.url,
      WATCHLISTS,
      { r: [{ __typename: 'User', id: owner.userId.toUpperCase() }] },
      testIdentity(randomUUID(), 'admin'),
    );
    expect(response.errors).toBeUndefined();
    const { name, quote } = await fixture.db.prisma.instrument.findUniqueOrThrow({
      where: { id: EURUSD },
      include: { quote: true },
    });
    expect(response.data).toEqual({
      _entities: [
        { watchlist: [{ id: EURUSD, symbol: 'EURUSD', name, quote: { last: quote?.last?.toFixed() } }] },
      ],
    });
  });

  it('needs the market:read scope: watchlist:write alone does not read it', async () => {
    const owner = testIdentity(randomUUID());
    await change(ADD, AAPL, owner);
    const readAs = (caller: Identity) =>
      subgraphRequest<{ _entities: { watchlist: { symbol: string }[] }[] }>(
        fixture.url,
        WATCHLISTS,
        { r: [{ __typename: 'User', id: owner.userId }] },
        caller,
      );
    for (const scopes of [['orders:read'], ['watchlist:write']] as const)
      expect(errorCodes(await readAs(apiKeyOf(owner, scopes)))).toEqual(['FORBIDDEN']);
    const dashboardKey = await readAs(apiKeyOf(owner, ['market:read']));
    expect(dashboardKey.errors).toBeUndefined();
    const listed = dashboardKey.data?._entities[0]?.watchlist.map((instrument) => instrument.symbol);
    expect(listed).toEqual(['AAPL']);
  });

  it('loses an instrument deleted from the catalogue, on every list', async () => {
    const listed = await fixture.db.prisma.instrument.create({
      data: {
        symbol: 'DELISTED',
        name: 'Delisted',
        assetClass: 'EQUITY',
        currency: 'USD',
        tickSize: '0.01',
        lotSize: '1',
      },
    });
    const [first, second] = [testIdentity(randomUUID()), testIdentity(randomUUID())];
    for (const trader of [first, second]) {
      await change(ADD, listed.id, trader);
      await change(ADD, AAPL, trader);
    }
    expect(await watchlistSymbols(first.userId)).toEqual(['DELISTED', 'AAPL']);
    await fixture.db.prisma.instrument.delete({ where: { id: listed.id } });
    expect(await watchlistSymbols(first.userId)).toEqual(['AAPL']);
    expect(await watchlistSymbols(second.userId)).toEqual(['AAPL']);
    expect(await fixture.db.prisma.watchlistEntry.count({ where: { instrumentId: listed.id } })).toBe(0);
    // The process may still hold the instrument in its catalogue: adding it is bad input all the same.
    const third = testIdentity(randomUUID());
    const refused = await change(ADD, listed.id, third);
    expect(refused.codes).toEqual(['BAD_USER_INPUT']);
    expect(await storedEntries(third.userId)).toBe(0);
  });
});
