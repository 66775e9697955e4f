import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDENTITY_HEADER, serializeIdentity } from '@mib/auth';
import { errorCodes, graphqlRequest } from '@mib/subgraph-kit/testing';
import { startRiskFixture, type RiskFixture } from './riskFixture.js';

let fixture: RiskFixture;

beforeAll(async () => {
  fixture = await startRiskFixture({ engine: true });
});

afterAll(async () => {
  await fixture[Symbol.asyncDispose]();
});

const SET_LIMITS = `mutation($input: SetRiskLimitsInput!) {
  setRiskLimits(input: $input) { id user { id } maxOrderQuantity maxOrderNotional maxPositionNotional maxOpenOrders priceBandBps }
}`;

const limits = {
  maxOrderQuantity: '5',
  maxOrderNotional: '100000.5',
  maxPositionNotional: '250000',
  maxOpenOrders: 20,
  priceBandBps: 1000,
};

const setLimitsAs = (userId: string | null, input: Record<string, unknown>) =>
  graphqlRequest(
    fixture.subgraph.url,
    SET_LIMITS,
    { input },
    userId === null ? {} : { [IDENTITY_HEADER]: serializeIdentity({ userId }) },
  );

describe('Mutation.setRiskLimits', () => {
  it("stores the caller's limits and the engine rejects the next order above them", async () => {
    const trader = randomUUID();
    const buy = (quantity: string) =>
      fixture.engine.submitOrder({
        symbol: 'AAPL',
        accountId: trader,
        side: 'BUY',
        type: 'LIMIT',
        price: '1',
        quantity,
      });
    expect((await buy('6')).kind).toBe('accepted');

    const response = await setLimitsAs(trader, limits);
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({
      setRiskLimits: { id: expect.any(String) as unknown, user: { id: trader }, ...limits },
    });

    expect(await buy('6')).toMatchObject({
      kind: 'rejected',
      rejection: { reason: 'MAX_ORDER_QUANTITY_EXCEEDED' },
    });
    expect((await buy('5')).kind).toBe('accepted');
  });

  it('replaces earlier limits rather than adding a second profile', async () => {
    const trader = randomUUID();
    await setLimitsAs(trader, limits);
    const response = await setLimitsAs(trader, {
      ...limits,
      maxOrderQuantity: '7.12345678',
      maxOpenOrders: 3,
    });
    expect(response.data).toMatchObject({
      setRiskLimits: { maxOrderQuantity: '7.12345678', maxOpenOrders: 3 },
    });
    expect(await fixture.db.prisma.riskProfile.count({ where: { userId: trader } })).toBe(1);
  });

  it.each([
    ['a zero quantity', { maxOrderQuantity: '0' }],
    ['a negative notional', { maxPositionNotional: '-1' }],
    ['more decimals than kept', { maxOrderNotional: '1.00001' }],
    ['no open orders', { maxOpenOrders: 0 }],
    ['a band over 100 %', { priceBandBps: 10_001 }],
  ])('refuses %s with BAD_USER_INPUT and stores nothing', async (_case, change) => {
    const trader = randomUUID();
    expect(errorCodes(await setLimitsAs(trader, { ...limits, ...change }))).toEqual(['BAD_USER_INPUT']);
    expect(await fixture.db.prisma.riskProfile.count({ where: { userId: trader } })).toBe(0);
  });

  it('refuses an anonymous caller with UNAUTHENTICATED', async () => {
    expect(errorCodes(await setLimitsAs(null, limits))).toEqual(['UNAUTHENTICATED']);
  });
});
