import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Identity } from '@mib/auth';
import { demoInstrumentId, seedDemoData } from '@mib/db';
import {
  entityAccessByCaller,
  errorCodes,
  OWNER_AND_ADMINS_ONLY,
  startSubgraphFixture,
  subgraphRequest,
  testIdentity,
  walkConnection,
  type ConnectionPage,
  type SubgraphFixture,
} from '@mib/subgraph-kit/testing';
import { marketDataSubgraph } from '../src/index.js';

const CAP = 100;

let fixture: SubgraphFixture<void>;
beforeAll(async () => {
  fixture = await startSubgraphFixture(marketDataSubgraph, { seed: seedDemoData });
});
afterAll(() => fixture[Symbol.asyncDispose]());

const AAPL = demoInstrumentId('AAPL');
const EURUSD = demoInstrumentId('EURUSD');

const CREATE = `mutation($input: CreatePriceAlertInput!) {
  alert: createPriceAlert(input: $input) {
    id instrument { symbol } direction price createdAt triggeredAt triggerPrice
  }
}`;
const DELETE = 'mutation($id: ID!) { alert: deletePriceAlert(id: $id) { id price } }';
const ALERTS = `query($r: [_Any!]!, $active: Boolean, $first: Int, $after: String) {
  _entities(representations: $r) {
    ... on User {
      priceAlerts(active: $active, first: $first, after: $after) {
        edges { node { id instrument { symbol } direction price triggeredAt } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
}`;

interface AlertNode {
  id: string;
  instrument: { symbol: string };
  direction: string;
  price: string;
  triggeredAt: string | null;
}

type AlertInput = { instrumentId: string; direction: string; price: string };

async function create(input: AlertInput, caller: Identity | null) {
  const response = await subgraphRequest<{ alert: AlertNode & { createdAt: string } }>(
    fixture.url,
    CREATE,
    { input },
    caller,
  );
  return { alert: response.data?.alert, codes: errorCodes(response), errors: response.errors ?? [] };
}

async function remove(id: string, caller: Identity | null) {
  const response = await subgraphRequest<{ alert: { id: string; price: string } }>(
    fixture.url,
    DELETE,
    { id },
    caller,
  );
  return { alert: response.data?.alert, codes: errorCodes(response), errors: response.errors ?? [] };
}

/** Every alert of `userId` (read by its owner), newest first, walking pages of `first`. */
async function alertsOf(userId: string, active: boolean | null = null, first = 20): Promise<AlertNode[]> {
  type Data = { _entities: { priceAlerts: ConnectionPage<AlertNode> }[] };
  const pages = await walkConnection<Data, AlertNode>(
    (after) =>
      subgraphRequest<Data>(
        fixture.url,
        ALERTS,
        { r: [{ __typename: 'User', id: userId }], active, first, after },
        testIdentity(userId),
      ),
    (data) => data._entities[0]?.priceAlerts,
  );
  return pages.flat();
}

const stored = (userId: string) => fixture.db.prisma.priceAlert.count({ where: { userId } });
const aboveAapl = (price: string): AlertInput => ({ instrumentId: AAPL, direction: 'ABOVE', price });

describe('Mutation.createPriceAlert', () => {
  it('stores a waiting alert of the caller and answers with it', async () => {
    const trader = testIdentity(randomUUID());
    const { alert, codes } = await create(aboveAapl('200.50'), trader);
    expect(codes).toEqual([]);
    expect(alert).toMatchObject({
      instrument: { symbol: 'AAPL' },
      direction: 'ABOVE',
      price: '200.5',
      triggeredAt: null,
      triggerPrice: null,
    });
    const row = await fixture.db.prisma.priceAlert.findUniqueOrThrow({ where: { id: alert!.id } });
    expect(row).toMatchObject({ userId: trader.userId, instrumentId: AAPL, direction: 'ABOVE' });
    expect(row.price.toFixed()).toBe('200.5');
  });

  it('answers every bad input with BAD_USER_INPUT naming the argument, writing nothing', async () => {
    const trader = testIdentity(randomUUID());
    const cases: [AlertInput, string][] = [
      [{ ...aboveAapl('200'), instrumentId: 'not-a-uuid' }, 'instrumentId'],
      [{ ...aboveAapl('200'), instrumentId: randomUUID() }, 'instrumentId'],
      [aboveAapl('0'), 'price'],
      [aboveAapl('-5'), 'price'],
      [aboveAapl('200.005'), 'price'],
      [aboveAapl('1000000000000'), 'price'],
      [{ instrumentId: EURUSD, direction: 'BELOW', price: '1.085201' }, 'price'],
    ];
    for (const [input, argument] of cases) {
      const { codes, errors } = await create(input, trader);
      expect(codes, JSON.stringify(input)).toEqual(['BAD_USER_INPUT']);
      expect(errors[0]?.extensions?.['argument'], JSON.stringify(input)).toBe(argument);
    }
    // Malformed decimals and directions fail the variables' coercion, before any resolver.
    for (const input of [
      aboveAapl('1e3'),
      aboveAapl('abc'),
      { ...aboveAapl('200'), direction: 'SIDEWAYS' },
    ]) {
      expect((await create(input, trader)).codes, JSON.stringify(input)).toEqual(['BAD_USER_INPUT']);
    }
    expect(await stored(trader.userId)).toBe(0);
    // A price on the tick of an instrument with a finer one is fine.
    expect(
      (await create({ instrumentId: EURUSD, direction: 'BELOW', price: '1.08521' }, trader)).codes,
    ).toEqual([]);
  });

  it(`caps a user's waiting alerts at ${CAP}, and fired ones do not count`, async () => {
    const trader = testIdentity(randomUUID());
    await fixture.db.prisma.priceAlert.createMany({
      data: Array.from({ length: CAP }, (_, i) => ({
        userId: trader.userId,
        instrumentId: AAPL,
        direction: 'ABOVE' as const,
        price: String(300 + i),
      })),
    });
    const full = await create(aboveAapl('250'), trader);
    expect(full.codes).toEqual(['BAD_USER_INPUT']);
    expect(full.errors[0]?.message).toMatch(/at most 100/i);
    expect(await stored(trader.userId)).toBe(CAP);

    await fixture.db.prisma.priceAlert.updateMany({
      where: { userId: trader.userId, price: '300' },
      data: { triggeredAt: new Date(), triggerPrice: '300.01' },
    });
    expect((await create(aboveAapl('250'), trader)).codes).toEqual([]);
    expect(await stored(trader.userId)).toBe(CAP + 1);
  });

  it('holds the cap when creations race each other', async () => {
    const trader = testIdentity(randomUUID());
    await fixture.db.prisma.priceAlert.createMany({
      data: Array.from({ length: CAP - 3 }, (_, i) => ({
        userId: trader.userId,
        instrumentId: AAPL,
        direction: 'BELOW' as const,
        price: String(100 + i),
      })),
    });
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => create(aboveAapl(String(400 + i)), trader)),
    );
    expect(results.filter((result) => result.codes.length === 0)).toHaveLength(3);
    expect(await stored(trader.userId)).toBe(CAP);
  });

  it('needs market:read and watchlist:write: a read-only key or anonymous caller writes nothing', async () => {
    const owner = testIdentity(randomUUID());
    const readOnly: Identity = {
      ...owner,
      scopes: ['market:read'],
      credential: { kind: 'apiKey', id: randomUUID() },
    };
    const writeOnly: Identity = {
      ...owner,
      scopes: ['watchlist:write'],
      credential: { kind: 'apiKey', id: randomUUID() },
    };
    expect((await create(aboveAapl('200'), readOnly)).codes).toEqual(['FORBIDDEN']);
    expect((await create(aboveAapl('200'), writeOnly)).codes).toEqual(['FORBIDDEN']);
    expect((await create(aboveAapl('200'), null)).codes).toEqual(['UNAUTHENTICATED']);
    expect(await stored(owner.userId)).toBe(0);
    for (const role of ['trader', 'analyst', 'admin'] as const)
      expect((await create(aboveAapl('200'), testIdentity(owner.userId, role))).codes).toEqual([]);
  });
});

describe('Mutation.deletePriceAlert', () => {
  it("deletes the caller's own alert and answers with it", async () => {
    const trader = testIdentity(randomUUID());
    const { alert } = await create(aboveAapl('210'), trader);
    expect(await remove(alert!.id.toUpperCase(), trader)).toMatchObject({
      alert: { id: alert!.id, price: '210' },
      codes: [],
    });
    expect(await stored(trader.userId)).toBe(0);
  });

  it("answers NOT_FOUND alike for another user's alert and an unknown id, deleting nothing", async () => {
    const owner = testIdentity(randomUUID());
    const { alert } = await create(aboveAapl('210'), owner);
    const stranger = await remove(alert!.id, testIdentity(randomUUID()));
    const unknown = await remove(randomUUID(), testIdentity(randomUUID()));
    expect(stranger.codes).toEqual(['NOT_FOUND']);
    expect(unknown.codes).toEqual(['NOT_FOUND']);
    // The same message shape: nothing tells the two apart but the id echoed back.
    expect(stranger.errors[0]?.message.replace(alert!.id, 'ID')).toBe(
      unknown.errors[0]?.message.replace(/[0-9a-f-]{36}/, 'ID'),
    );
    expect((await remove(alert!.id, testIdentity(randomUUID(), 'admin'))).codes).toEqual(['NOT_FOUND']);
    expect(await stored(owner.userId)).toBe(1);
    expect((await remove('nope', owner)).codes).toEqual(['BAD_USER_INPUT']);
    const readOnly: Identity = {
      ...owner,
      scopes: ['market:read'],
      credential: { kind: 'apiKey', id: randomUUID() },
    };
    expect((await remove(alert!.id, readOnly)).codes).toEqual(['FORBIDDEN']);
    expect(await stored(owner.userId)).toBe(1);
  });
});

describe('User.priceAlerts', () => {
  it('lists the alerts newest first, filtered by active, across pages', async () => {
    const trader = testIdentity(randomUUID());
    const start = Date.UTC(2026, 10, 1);
    await fixture.db.prisma.priceAlert.createMany({
      data: Array.from({ length: 7 }, (_, i) => ({
        userId: trader.userId,
        instrumentId: i % 2 === 0 ? AAPL : EURUSD,
        direction: 'ABOVE' as const,
        price: String(10 + i),
        createdAt: new Date(start + i * 1000),
        ...(i < 3 ? { triggeredAt: new Date(start + 10_000), triggerPrice: '50' } : {}),
      })),
    });
    const prices = (alerts: AlertNode[]) => alerts.map((alert) => alert.price);
    expect(prices(await alertsOf(trader.userId, null, 3))).toEqual([
      '16',
      '15',
      '14',
      '13',
      '12',
      '11',
      '10',
    ]);
    expect(prices(await alertsOf(trader.userId, true, 2))).toEqual(['16', '15', '14', '13']);
    expect(prices(await alertsOf(trader.userId, false))).toEqual(['12', '11', '10']);
    expect((await alertsOf(trader.userId, null, 1))[1]?.instrument.symbol).toBe('EURUSD');
  });

  it('is served to its owner and to admins only', async () => {
    const owner = randomUUID();
    await create(aboveAapl('200'), testIdentity(owner));
    const access = await entityAccessByCaller(
      fixture.url,
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on User { priceAlerts { edges { node { id } } } } } }',
      [{ __typename: 'User', id: owner }],
      owner,
    );
    expect(access).toEqual(OWNER_AND_ADMINS_ONLY);
  });

  it('refuses `first` outside 1..100 and a foreign cursor with BAD_USER_INPUT', async () => {
    const owner = testIdentity(randomUUID());
    for (const variables of [{ first: 0 }, { first: 101 }, { after: 'bm90LWEtY3Vyc29y' }]) {
      const response = await subgraphRequest(
        fixture.url,
        ALERTS,
        { r: [{ __typename: 'User', id: owner.userId }], ...variables },
        owner,
      );
      expect(errorCodes(response), JSON.stringify(variables)).toEqual(['BAD_USER_INPUT']);
    }
  });
});
