import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssetClass, PrismaClient } from '@mib/db';
import { Decimal, nameBasedId } from '@mib/db';
import { FxRates } from '@mib/subgraph-kit';
import { adminRequest, startSubgraphFixture, type SubgraphFixture } from '@mib/subgraph-kit/testing';
import { inUsd } from '../src/analytics/reportingCurrency.js';
import { riskSubgraph } from '../src/index.js';
import { createDailyCloses } from './dailyCandles.js';

const instrumentIdOf = (symbol: string) => nameBasedId('0b7d3c52-9e14-4f2a-a6d8-3c5e7f9a1b20', symbol);
const JPY_BOOK = randomUUID();
const CHF_BOOK = randomUUID();

/** USDJPY's quote: 1 JPY is worth 1 / 150.245 USD. */
const USDJPY = 150.245;
/** The returns of riskOfPositions.test.ts's BBB (0, +10 %, −20 %, 0), at USDJPY's level. */
const usdJpyCloses = [1, 1, 1.1, 0.88, 0.88].map((factor) => factor * USDJPY);

/**
 * riskOfPositions.test.ts's book with its short leg in JPY: long 10 AAA at 100 USD (1000 USD),
 * short 250 USDJPY at 150.245 JPY (−37 561.25 JPY, which is −250 USD at that quote). So the USD
 * figures are the hand-computed ones of that test. A second book holds NESN, quoted in CHF,
 * which no FX quote links to USD. Returns each book's risk profile id, by user.
 */
async function seedBooks(prisma: PrismaClient): Promise<Map<string, string>> {
  const instrument = (symbol: string, assetClass: AssetClass, currency: string) => ({
    id: instrumentIdOf(symbol),
    symbol,
    name: symbol,
    assetClass,
    currency,
    tickSize: '0.001',
    lotSize: '1',
  });
  await prisma.instrument.createMany({
    data: [
      instrument('AAA', 'EQUITY', 'USD'),
      instrument('USDJPY', 'FX', 'JPY'),
      instrument('NESN', 'EQUITY', 'CHF'),
    ],
  });
  const updatedAt = new Date();
  await prisma.quote.createMany({
    data: [
      { instrumentId: instrumentIdOf('AAA'), last: '100', updatedAt },
      { instrumentId: instrumentIdOf('USDJPY'), bid: '150.24', ask: '150.25', last: null, updatedAt },
      { instrumentId: instrumentIdOf('NESN'), last: '90', updatedAt },
    ],
  });
  const closes = {
    AAA: [100, 110, 99, 99, 108.9],
    USDJPY: usdJpyCloses,
    NESN: [90, 91, 92, 93, 94],
  };
  await createDailyCloses(
    prisma,
    Object.fromEntries(Object.entries(closes).map(([symbol, series]) => [instrumentIdOf(symbol), series])),
  );
  await prisma.netPosition.createMany({
    data: [
      { userId: JPY_BOOK, symbol: 'AAA', quantity: '10', lastPrice: '98', updatedAt },
      { userId: JPY_BOOK, symbol: 'USDJPY', quantity: '-250', lastPrice: '150', updatedAt },
      { userId: CHF_BOOK, symbol: 'AAA', quantity: '10', lastPrice: '98', updatedAt },
      { userId: CHF_BOOK, symbol: 'NESN', quantity: '5', lastPrice: '90', updatedAt },
    ],
  });
  const profileIds = new Map<string, string>();
  for (const userId of [JPY_BOOK, CHF_BOOK]) {
    const profile = await prisma.riskProfile.create({
      data: {
        userId,
        maxOrderQuantity: '1',
        maxOrderNotional: '1',
        maxPositionNotional: '1',
        maxOpenOrders: 1,
        priceBandBps: 1,
      },
    });
    profileIds.set(userId, profile.id);
  }
  return profileIds;
}

/** `seeded`: each book's risk profile id, by user. */
let fixture: SubgraphFixture<Map<string, string>>;
beforeAll(async () => {
  fixture = await startSubgraphFixture(riskSubgraph, { seed: seedBooks });
});
afterAll(() => fixture[Symbol.asyncDispose]());

const query = (userId: string, fields: string) =>
  adminRequest<{ riskProfile: Record<string, unknown> }>(
    fixture.url,
    `query($id: ID!) { riskProfile(id: $id) { ${fields} } }`,
    { id: fixture.seeded.get(userId) },
  );

const EXPOSURE =
  'exposure { grossNotional netNotional positions { symbol currency quantity price notional concentration } }';
const ESTIMATES =
  'valueAtRisk(confidence: 0.75) { amount scenarios } drawdown { amount ratio peakAt troughAt days }';

describe('risk of positions quoted in other currencies, in USD', () => {
  it('converts a JPY position to USD at the latest USDJPY quote; its price stays in JPY', async () => {
    const response = await query(JPY_BOOK, EXPOSURE);
    expect(response.errors).toBeUndefined();
    expect(response.data?.riskProfile['exposure']).toEqual({
      grossNotional: '1250',
      netNotional: '750',
      positions: [
        {
          symbol: 'AAA',
          currency: 'USD',
          quantity: '10',
          price: '100',
          notional: '1000',
          concentration: 0.8,
        },
        // −250 × 150.245 JPY at 1 / 150.245 USD per JPY, the USDJPY mid.
        {
          symbol: 'USDJPY',
          currency: 'JPY',
          quantity: '-250',
          price: '150.245',
          notional: '-250',
          concentration: 0.2,
        },
      ],
    });
  });

  it('simulates VaR and drawdown on USD values, converting at the latest rate', async () => {
    const response = await query(JPY_BOOK, ESTIMATES);
    expect(response.errors).toBeUndefined();
    const { valueAtRisk, drawdown } = response.data?.riskProfile as {
      valueAtRisk: { amount: number; scenarios: number };
      drawdown: { amount: number; ratio: number; days: number };
    };
    // riskOfPositions.test.ts's figures; unconverted, the short would count as −37 561.25.
    expect(valueAtRisk.scenarios).toBe(4);
    expect(valueAtRisk.amount).toBeCloseTo(125, 9);
    expect(drawdown).toMatchObject({
      peakAt: '2026-11-03T00:00:00.000Z',
      troughAt: '2026-11-04T00:00:00.000Z',
      days: 5,
    });
    expect(drawdown.amount).toBeCloseTo(135, 9);
    expect(drawdown.ratio).toBeCloseTo(135 / 850, 12);
  });

  it('lists a position whose currency has no USD rate without a notional, and totals nothing', async () => {
    const response = await query(CHF_BOOK, `${EXPOSURE} ${ESTIMATES}`);
    expect(response.errors).toBeUndefined();
    expect(response.data?.riskProfile).toEqual({
      exposure: {
        grossNotional: null,
        netNotional: null,
        positions: [
          {
            symbol: 'AAA',
            currency: 'USD',
            quantity: '10',
            price: '100',
            notional: '1000',
            concentration: null,
          },
          {
            symbol: 'NESN',
            currency: 'CHF',
            quantity: '5',
            price: '90',
            notional: null,
            concentration: null,
          },
        ],
      },
      valueAtRisk: null,
      drawdown: null,
    });
  });
});

describe('an amount converted to USD', () => {
  it('is its exact value rounded half to even, through an inverted pair too', () => {
    const rates = new FxRates([{ base: 'USD', quote: 'CHF', price: new Decimal('0.8812') }]);
    const chf = { currency: 'CHF', usdRate: rates.rate('CHF', 'USD'), rates };
    // 0.00030842 CHF at 0.8812 CHF per USD is 0.00035 USD exactly, so 0.0004; times a 40-digit
    // 1 / 0.8812 it would be a hair below, 0.0003.
    expect(inUsd(new Decimal('0.00030842'), chf)?.toFixed()).toBe('0.0004');
  });
});
