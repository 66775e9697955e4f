import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Identity } from '@mib/auth';
import { errorCodes, subgraphRequest, testIdentity } from '@mib/subgraph-kit/testing';
import { startRiskFixture, type RiskFixture } from './riskFixture.js';

let fixture: RiskFixture;

beforeAll(async () => {
  fixture = await startRiskFixture({ engine: true });
});

afterAll(async () => {
  await fixture[Symbol.asyncDispose]();
});

const SET_LIMITS = `mutation($input: SetRiskLimitsInput!) {
  setRiskLimits(input: $input) {
    id user { id } maxOrderQuantity maxOrderNotional maxPositionNotional maxPosition maxOpenOrders priceBandBps
  }
}`;

const limits = {
  maxOrderQuantity: '5',
  maxOrderNotional: '100000.5',
  maxPositionNotional: '250000',
  maxPosition: '1000',
  maxOpenOrders: 20,
  priceBandBps: 1000,
};

const ADMIN = testIdentity(randomUUID(), 'admin');

/** A trader in the users table, whose limits an admin sets. */
const newTrader = async (): Promise<string> => {
  const id = randomUUID();
  await fixture.db.prisma.user.create({ data: { id, email: `${id}@example.test`, displayName: 'Trader' } });
  return id;
};

const setLimits = (userId: string, input: Record<string, unknown>, caller: Identity | null = ADMIN) =>
  subgraphRequest(fixture.subgraph.url, SET_LIMITS, { input: { userId, ...input } }, caller);

describe('Mutation.setRiskLimits', () => {
  it("stores a trader's limits and the engine rejects the trader's next order above them", async () => {
    const trader = await newTrader();
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

    const response = await setLimits(trader, limits);
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

  it('caps the position in the engine at maxPosition, counting open orders', async () => {
    const trader = await newTrader();
    const buy = (quantity: string) =>
      fixture.engine.submitOrder({
        symbol: 'MSFT',
        accountId: trader,
        side: 'BUY',
        type: 'LIMIT',
        price: '1',
        quantity,
      });
    expect((await setLimits(trader, { ...limits, maxPosition: '8' })).errors).toBeUndefined();

    expect((await buy('5')).kind).toBe('accepted');
    // 5 resting plus 4 would be 9 units: beyond the cap of 8, though each order is within 5.
    expect(await buy('4')).toMatchObject({
      kind: 'rejected',
      rejection: { reason: 'POSITION_LIMIT_EXCEEDED' },
    });
    expect((await buy('3')).kind).toBe('accepted');
  });

  it('replaces earlier limits rather than adding a second profile', async () => {
    const trader = await newTrader();
    await setLimits(trader, limits);
    const response = await setLimits(trader, {
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
    ['a zero position', { maxPosition: '0' }],
    ['a position with more decimals than kept', { maxPosition: '1.000000001' }],
    // The engine holds positions in 1e-8 units too.
    ['a position beyond what the engine holds', { maxPosition: '90071992.54740992' }],
    ['a negative notional', { maxPositionNotional: '-1' }],
    ['more decimals than kept', { maxOrderNotional: '1.00001' }],
    // NUMERIC(20, 4) keeps 16 digits before the point, NUMERIC(20, 8) 12.
    ['more digits than kept before the point', { maxPositionNotional: '12345678901234567' }],
    ['a quantity too large to keep', { maxOrderQuantity: '1234567890123' }],
    // The engine holds order limits in 1e-8 units, exact up to 2^53: 90 071 992.54740991.
    ['an order notional beyond what the engine holds', { maxOrderNotional: '90071992.5475' }],
    ['no open orders', { maxOpenOrders: 0 }],
    ['a band over 100 %', { priceBandBps: 10_001 }],
  ])('refuses %s with BAD_USER_INPUT and stores nothing', async (_case, change) => {
    const trader = await newTrader();
    expect(errorCodes(await setLimits(trader, { ...limits, ...change }))).toEqual(['BAD_USER_INPUT']);
    expect(await fixture.db.prisma.riskProfile.count({ where: { userId: trader } })).toBe(0);
  });

  it('refuses anonymous callers, and traders setting even their own limits', async () => {
    const trader = await newTrader();
    expect(errorCodes(await setLimits(trader, limits, null))).toEqual(['UNAUTHENTICATED']);
    const own = await setLimits(trader, { ...limits, maxOrderQuantity: '1000000' }, testIdentity(trader));
    expect(errorCodes(own)).toEqual(['FORBIDDEN']);
    expect(await fixture.db.prisma.riskProfile.count({ where: { userId: trader } })).toBe(0);
  });

  it('refuses limits for an unknown user with NOT_FOUND', async () => {
    expect(errorCodes(await setLimits(randomUUID(), limits))).toEqual(['NOT_FOUND']);
  });

  it('names `userId` when it is not a UUID', async () => {
    const response = await setLimits('nope', limits);
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors?.[0]).toMatchObject({
      message: '`userId` must be a UUID',
      extensions: { argument: 'userId' },
    });
  });
});
