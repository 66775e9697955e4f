import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { demoInstrumentId } from '@mib/db';
import { errorCodes, testIdentity } from '@mib/subgraph-kit/testing';
import { cancelAllSuite } from './cancelAllClient.js';

const AAPL = demoInstrumentId('AAPL');
const MSFT = demoInstrumentId('MSFT');

const { fixture, cancelAllAs, placeLimit, statusOf, bids } = cancelAllSuite();

const cancelledIds = (response: Awaited<ReturnType<typeof cancelAllAs>>) =>
  response.data?.cancelAllOrders.cancelled.map((order) => order.id).sort();

describe('the risk desk stopping a trader', () => {
  it('lets an admin cancel all of another trader’s orders, leaving everyone else’s, and logs it', async () => {
    const alice = randomUUID();
    const bob = randomUUID();
    const admin = randomUUID();
    const aapl = await placeLimit(alice, { instrumentId: AAPL, side: 'BUY', price: '131', quantity: '2' });
    const msft = await placeLimit(alice, { instrumentId: MSFT, side: 'BUY', price: '381', quantity: '2' });
    const bobs = await placeLimit(bob, { instrumentId: AAPL, side: 'BUY', price: '132', quantity: '3' });
    const admins = await placeLimit(admin, { instrumentId: AAPL, side: 'BUY', price: '133', quantity: '1' });

    const response = await cancelAllAs(testIdentity(admin, 'admin'), { userId: alice });

    expect(response.errors).toBeUndefined();
    expect(cancelledIds(response)).toEqual([aapl.id, msft.id].sort());
    for (const order of response.data?.cancelAllOrders.cancelled ?? [])
      expect(order.status).toBe('CANCELLED');
    expect(await statusOf(aapl.id)).toBe('CANCELLED');
    expect(await statusOf(msft.id)).toBe('CANCELLED');
    expect(await bids('AAPL')).not.toContain('131:2');
    expect(await bids('MSFT')).not.toContain('381:2');
    expect(await bids('AAPL')).toEqual(expect.arrayContaining(['132:3', '133:1']));
    expect(await statusOf(bobs.id)).toBe('OPEN');
    expect(await statusOf(admins.id)).toBe('OPEN');
    // What the admin is about to do, then what it came to.
    const audit = { level: 30, subgraph: 'orders', adminId: admin, userId: alice, instrumentId: null };
    expect(fixture().logged.filter((line) => line['adminId'] === admin)).toEqual([
      expect.objectContaining(audit),
      expect.objectContaining({ ...audit, cancelled: 2 }),
    ]);
    expect(fixture().logged.filter((line) => line['adminId'] === admin)[0]).not.toHaveProperty('cancelled');
  });

  it('cancels only that trader’s orders of the instrument given', async () => {
    const alice = randomUUID();
    const aapl = await placeLimit(alice, { instrumentId: AAPL, side: 'BUY', price: '134', quantity: '1' });
    const msft = await placeLimit(alice, { instrumentId: MSFT, side: 'BUY', price: '382', quantity: '1' });

    const response = await cancelAllAs(testIdentity(randomUUID(), 'admin'), {
      userId: alice,
      instrumentId: AAPL,
    });

    expect(response.errors).toBeUndefined();
    expect(cancelledIds(response)).toEqual([aapl.id]);
    expect(await statusOf(msft.id)).toBe('OPEN');
    expect(await bids('MSFT')).toContain('382:1');
  });

  it('refuses a trader naming another user with FORBIDDEN, cancelling nothing of either', async () => {
    const alice = randomUUID();
    const mallory = randomUUID();
    const alices = await placeLimit(alice, { instrumentId: AAPL, side: 'BUY', price: '135', quantity: '1' });
    const mallorys = await placeLimit(mallory, {
      instrumentId: AAPL,
      side: 'BUY',
      price: '136',
      quantity: '1',
    });

    for (const args of [{ userId: alice }, { userId: alice, instrumentId: 'AAPL' }]) {
      const response = await cancelAllAs(testIdentity(mallory), args);
      expect(errorCodes(response), JSON.stringify(args)).toEqual(['FORBIDDEN']);
      expect(response.data).toBeNull();
    }
    expect(await statusOf(alices.id)).toBe('OPEN');
    expect(await statusOf(mallorys.id)).toBe('OPEN');
    expect(await bids('AAPL')).toEqual(expect.arrayContaining(['135:1', '136:1']));
  });

  it('treats a trader’s own id like no id, and logs nothing for it', async () => {
    const alice = randomUUID();
    const aapl = await placeLimit(alice, { instrumentId: AAPL, side: 'BUY', price: '137', quantity: '1' });
    const msft = await placeLimit(alice, { instrumentId: MSFT, side: 'BUY', price: '383', quantity: '1' });

    const response = await cancelAllAs(testIdentity(alice), { userId: alice.toUpperCase() });

    expect(response.errors).toBeUndefined();
    expect(cancelledIds(response)).toEqual([aapl.id, msft.id].sort());
    expect(await bids('AAPL')).not.toContain('137:1');
    expect(fixture().logged.filter((line) => line['userId'] === alice)).toEqual([]);
  });

  it('refuses a malformed userId as BAD_USER_INPUT, cancelling nothing', async () => {
    const alice = randomUUID();
    const order = await placeLimit(alice, { instrumentId: AAPL, side: 'BUY', price: '138', quantity: '1' });

    for (const caller of [testIdentity(alice), testIdentity(randomUUID(), 'admin')]) {
      const response = await cancelAllAs(caller, { userId: 'alice' });
      expect(errorCodes(response), caller.role).toEqual(['BAD_USER_INPUT']);
      expect(response.errors?.[0]?.extensions?.['argument']).toBe('userId');
    }
    expect(await statusOf(order.id)).toBe('OPEN');
    expect(await bids('AAPL')).toContain('138:1');
  });
});
