import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Prisma, type PrismaClient } from '@mib/db';
import { adminRequest, startSubgraphFixture, type SubgraphFixture } from '@mib/subgraph-kit/testing';
import { portfolioSubgraph } from '../src/index.js';
import { createInstruments, instrumentIdOf, positionsConsumer, TradeTape } from './tradeEvents.js';

const tape = new TradeTape();

async function setLastPrice(prisma: PrismaClient, symbol: string, last: string): Promise<void> {
  const instrumentId = instrumentIdOf(symbol);
  await prisma.quote.upsert({
    where: { instrumentId },
    create: { instrumentId, last, updatedAt: new Date() },
    update: { last },
  });
}

/** AAPL in USD and three FX pairs (one quoted in USD), all but USDCHF with a last price. */
async function seedInstruments(prisma: PrismaClient): Promise<void> {
  await createInstruments(prisma, ['AAPL']);
  await createInstruments(prisma, ['USDJPY'], { currency: 'JPY', assetClass: 'FX' });
  await createInstruments(prisma, ['USDCHF'], { currency: 'CHF', assetClass: 'FX' });
  await createInstruments(prisma, ['EURUSD'], { currency: 'USD', assetClass: 'FX' });
  await setLastPrice(prisma, 'AAPL', '110');
  await setLastPrice(prisma, 'USDJPY', '150');
  await setLastPrice(prisma, 'EURUSD', '1.0852');
}

let fixture: SubgraphFixture<void>;
let deliver: ReturnType<typeof positionsConsumer>;
beforeAll(async () => {
  fixture = await startSubgraphFixture(portfolioSubgraph, { seed: seedInstruments });
  deliver = positionsConsumer(fixture.db.prisma);
});
afterAll(() => fixture[Symbol.asyncDispose]());

interface Valuation {
  baseCurrency: string;
  cash: string | null;
  cashBalances: { currency: string; amount: string }[];
  realizedPnl: string | null;
  unrealizedPnl: string | null;
  equity: string | null;
  positions: { edges: { node: { currency: string; quantity: string; unrealizedPnl: string | null } }[] };
}

async function valuationOf(userId: string): Promise<Valuation | null | undefined> {
  const { id } = await fixture.db.prisma.portfolio.findUniqueOrThrow({ where: { userId } });
  const response = await adminRequest<{ portfolio: Valuation | null }>(
    fixture.url,
    `query($id: ID!) { portfolio(id: $id) {
      baseCurrency cash cashBalances { currency amount } realizedPnl unrealizedPnl equity
      positions { edges { node { currency quantity unrealizedPnl } } }
    } }`,
    { id },
  );
  expect(response.errors).toBeUndefined();
  return response.data?.portfolio;
}

describe('a portfolio trading instruments quoted in other currencies', () => {
  const alice = randomUUID();
  const bob = randomUUID();

  it('keeps the cash of each fill in its instrument currency and totals it at the latest rates', async () => {
    await deliver([
      tape.trade('AAPL', { buyer: alice, seller: bob, price: '100', quantity: '10' }),
      // 1,000 USD bought for 150,245 JPY: the JPY cash moves, not the USD cash.
      tape.trade('USDJPY', { buyer: alice, seller: bob, price: '150.245', quantity: '1000' }),
    ]);
    const valuation = await valuationOf(alice);
    expect(valuation).toMatchObject({
      baseCurrency: 'USD',
      cashBalances: [
        { currency: 'USD', amount: '-1000' },
        { currency: 'JPY', amount: '-150245' },
      ],
      // −1,000 − 150,245 / 150 = −2,001.63333…
      cash: '-2001.6333',
      realizedPnl: '0',
      // AAPL (110 − 100) × 10 = 100 USD; USDJPY (150 − 150.245) × 1,000 = −245 JPY = −1.63333… USD.
      unrealizedPnl: '98.3667',
      // Cash −1,000 USD and −150,245 JPY, holdings worth 1,100 USD and 150,000 JPY.
      equity: '98.3667',
    });
    expect(valuation?.positions.edges.map(({ node }) => node)).toEqual(
      expect.arrayContaining([
        { currency: 'USD', quantity: '10', unrealizedPnl: '100' },
        { currency: 'JPY', quantity: '1000', unrealizedPnl: '-245' },
      ]),
    );
    expect(await valuationOf(bob)).toMatchObject({
      cashBalances: [
        { currency: 'USD', amount: '1000' },
        { currency: 'JPY', amount: '150245' },
      ],
      cash: '2001.6333',
    });
  });

  it('converts realized P&L from the currency it was realized in at the latest rate', async () => {
    await deliver([
      tape.trade('USDJPY', { buyer: bob, seller: alice, price: '151', quantity: '1000', aggressor: 'SELL' }),
    ]);
    // (151 − 150.245) × 1,000 = 755 JPY, at 150 JPY per USD.
    expect(await valuationOf(alice)).toMatchObject({
      cashBalances: [
        { currency: 'USD', amount: '-1000' },
        { currency: 'JPY', amount: '755' },
      ],
      realizedPnl: '5.0333',
    });
    await setLastPrice(fixture.db.prisma, 'USDJPY', '151');
    expect(await valuationOf(alice)).toMatchObject({ realizedPnl: '5', cash: '-995' });
  });

  it('answers null, not a partial sum, for totals needing a rate no quote gives', async () => {
    const carol = randomUUID();
    await deliver([tape.trade('USDCHF', { buyer: carol, seller: bob, price: '0.8812', quantity: '1000' })]);
    expect(await valuationOf(carol)).toMatchObject({
      cashBalances: [{ currency: 'CHF', amount: '-881.2' }],
      cash: null,
      // Nothing realized is nothing in any currency.
      realizedPnl: '0',
      unrealizedPnl: null,
      equity: null,
    });
  });

  it('reports a portfolio kept in another base currency in it, through the inverse of a quoted pair', async () => {
    const dave = randomUUID();
    await fixture.db.prisma.portfolio.create({
      data: {
        userId: dave,
        baseCurrency: 'EUR',
        cashBalances: { create: { currency: 'USD', amount: '1085.2' } },
      },
    });
    expect(await valuationOf(dave)).toMatchObject({
      cashBalances: [{ currency: 'USD', amount: '1085.2' }],
      cash: '1000',
      equity: '1000',
    });
  });
});

describe('portfolio totals at the money scale', () => {
  interface Totals {
    cash: string;
    realizedPnl: string;
    unrealizedPnl: string;
    equity: string;
    positions: {
      edges: { node: { averageCost: string; marketValue: string; unrealizedPnl: string } }[];
    };
  }

  it('rounds P&L and equity once to 4 places, as it does converted totals, so the stored cost rounding does not show', async () => {
    await createInstruments(fixture.db.prisma, ['XYZ', 'ABC']);
    const erin = randomUUID();
    await deliver([
      // 30.02 for 3: an average cost of 10.00666…, stored as 10.00666667.
      tape.trade('XYZ', { buyer: erin, seller: randomUUID(), price: '10', quantity: '1' }),
      tape.trade('XYZ', { buyer: erin, seller: randomUUID(), price: '10.01', quantity: '2' }),
      tape.trade('ABC', { buyer: erin, seller: randomUUID(), price: '0.1', quantity: '0.3' }),
    ]);
    await setLastPrice(fixture.db.prisma, 'XYZ', '8.4');
    // Marked at the mid, 0.123456785: nine decimals.
    await fixture.db.prisma.quote.create({
      data: {
        instrumentId: instrumentIdOf('ABC'),
        bid: '0.12345678',
        ask: '0.12345679',
        updatedAt: new Date(),
      },
    });
    const { id } = await fixture.db.prisma.portfolio.findUniqueOrThrow({ where: { userId: erin } });
    const response = await adminRequest<{ portfolio: Totals }>(
      fixture.url,
      `query($id: ID!) { portfolio(id: $id) {
        cash realizedPnl unrealizedPnl equity
        positions { edges { node { averageCost marketValue unrealizedPnl } } }
      } }`,
      { id },
    );
    expect(response.errors).toBeUndefined();
    const portfolio = response.data?.portfolio;
    // A position's own fields stay the exact products of the numbers it shows:
    // (8.4 − 10.00666667) × 3 and (0.123456785 − 0.1) × 0.3.
    expect(portfolio?.positions.edges.map(({ node }) => node)).toEqual(
      expect.arrayContaining([
        { averageCost: '10.00666667', marketValue: '25.2', unrealizedPnl: '-4.82000001' },
        { averageCost: '0.1', marketValue: '0.0370370355', unrealizedPnl: '0.0070370355' },
      ]),
    );
    // Cash −30.05 and holdings worth 25.2370370355: −4.8129629645 exactly; the positions' P&L
    // sums to −4.8129629745. Both are −4.8130 at the scale money is kept at.
    expect(portfolio).toMatchObject({
      cash: '-30.05',
      realizedPnl: '0',
      unrealizedPnl: '-4.813',
      equity: '-4.813',
    });
    // equity = cash + Σ marketValue, rounded once.
    const { cash, equity, positions } = portfolio ?? expect.unreachable('no portfolio');
    const marketValue = positions.edges.reduce(
      (sum, { node }) => sum.plus(node.marketValue),
      new Prisma.Decimal(0),
    );
    expect(equity).toBe(marketValue.plus(cash).toDecimalPlaces(4).toFixed());
  });
});
