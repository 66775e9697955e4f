import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nameBasedId, type PrismaClient } from '@mib/db';
import {
  errorCodes,
  adminRequest,
  startSubgraphFixture,
  type SubgraphFixture,
} from '@mib/subgraph-kit/testing';
import { riskSubgraph } from '../src/index.js';
import { createDailyCloses } from './dailyCandles.js';

const trader = randomUUID();
const instrumentIdOf = (symbol: string) => nameBasedId('4c2a9e1b-6d3f-4a8e-b7c5-0e9d1f2a3b64', symbol);

/** The hand-computed book of riskAnalytics.test.ts, now in the database; its risk profile's id. */
async function seedBook(prisma: PrismaClient): Promise<string> {
  await prisma.instrument.createMany({
    data: ['AAA', 'BBB', 'CCC'].map((symbol) => ({
      id: instrumentIdOf(symbol),
      symbol,
      name: symbol,
      assetClass: 'EQUITY' as const,
      currency: 'USD',
      tickSize: '0.01',
      lotSize: '1',
    })),
  });
  const updatedAt = new Date();
  await prisma.quote.createMany({
    data: [
      { instrumentId: instrumentIdOf('AAA'), last: '100', updatedAt },
      { instrumentId: instrumentIdOf('BBB'), bid: '49', ask: '51', last: null, updatedAt },
    ],
  });
  const closes = { AAA: [100, 110, 99, 99, 108.9], BBB: [50, 50, 55, 44, 44] };
  await createDailyCloses(
    prisma,
    Object.fromEntries(Object.entries(closes).map(([symbol, series]) => [instrumentIdOf(symbol), series])),
  );
  await prisma.netPosition.createMany({
    data: [
      { userId: trader, symbol: 'AAA', quantity: '10', lastPrice: '98', updatedAt },
      { userId: trader, symbol: 'BBB', quantity: '-5', lastPrice: '52', updatedAt },
      { userId: trader, symbol: 'CCC', quantity: '0', lastPrice: '7', updatedAt },
    ],
  });
  const profile = await prisma.riskProfile.create({
    data: {
      userId: trader,
      maxOrderQuantity: '1',
      maxOrderNotional: '1',
      maxPositionNotional: '1',
      maxOpenOrders: 1,
      priceBandBps: 1,
    },
  });
  return profile.id;
}

/** `seeded`: the risk profile's id. */
let fixture: SubgraphFixture<string>;
beforeAll(async () => {
  fixture = await startSubgraphFixture(riskSubgraph, { seed: seedBook });
});
afterAll(() => fixture[Symbol.asyncDispose]());

const query = (fields: string) =>
  adminRequest<{ riskProfile: Record<string, unknown> }>(
    fixture.url,
    `query($id: ID!) { riskProfile(id: $id) { ${fields} } }`,
    { id: fixture.seeded },
  );

describe('RiskProfile analytics', () => {
  it('values open positions at the last trade or the mid and reports their shares', async () => {
    const response = await query(
      'exposure { grossNotional netNotional positions { symbol quantity price notional concentration } }',
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.riskProfile['exposure']).toEqual({
      grossNotional: '1250',
      netNotional: '750',
      positions: [
        { symbol: 'AAA', quantity: '10', price: '100', notional: '1000', concentration: 0.8 },
        { symbol: 'BBB', quantity: '-5', price: '50', notional: '-250', concentration: 0.2 },
      ],
    });
  });

  it('computes historical VaR and drawdown from the daily candles', async () => {
    const response = await query(
      'valueAtRisk(confidence: 0.75) { amount confidence scenarios } drawdown { amount ratio peakAt troughAt days }',
    );
    expect(response.errors).toBeUndefined();
    const { valueAtRisk, drawdown } = response.data?.riskProfile as {
      valueAtRisk: { amount: number };
      drawdown: { amount: number; ratio: number };
    };
    expect(valueAtRisk).toMatchObject({ confidence: 0.75, scenarios: 4 });
    expect(valueAtRisk.amount).toBeCloseTo(125, 9);
    expect(drawdown).toMatchObject({
      peakAt: '2026-11-03T00:00:00.000Z',
      troughAt: '2026-11-04T00:00:00.000Z',
      days: 5,
    });
    expect(drawdown.amount).toBeCloseTo(135, 9);
    expect(drawdown.ratio).toBeCloseTo(135 / 850, 12);
  });

  it.each([['confidence: 1'], ['confidence: 0'], ['days: 0']])(
    'refuses %s with BAD_USER_INPUT',
    async (argument) => {
      expect(errorCodes(await query(`valueAtRisk(${argument}) { amount }`))).toEqual(['BAD_USER_INPUT']);
    },
  );
});
