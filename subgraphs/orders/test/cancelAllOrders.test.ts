import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { demoInstrumentId } from '@mib/db';
import type { EngineClient } from '@mib/engine';
import { InstrumentCatalog } from '@mib/subgraph-kit';
import { errorCodes, testIdentity } from '@mib/subgraph-kit/testing';
import { silentLogger } from '@mib/telemetry';
import { cancelAllOrders } from '../src/commands/cancelAllOrders.js';
import { mirrorOrder } from '../src/data/mirrorOrder.js';
import { NOTHING_FILLED } from '../src/engineMirror/fillsAverage.js';
import { mirrorOfReport } from '../src/engineMirror/fromReport.js';
import { ordersRuntimeOf } from '../src/ordersRuntime.js';
import { cancelAllSuite } from './cancelAllClient.js';

const AAPL = demoInstrumentId('AAPL');
const MSFT = demoInstrumentId('MSFT');

const { fixture, cancelAll, placeLimit, statusOf, bids } = cancelAllSuite();

describe('cancelling all of the caller’s orders', () => {
  it('takes every working order of the caller off the book and leaves other users’ alone', async () => {
    const alice = randomUUID();
    const bob = randomUUID();
    const NVDA = demoInstrumentId('NVDA');
    await placeLimit(bob, { instrumentId: NVDA, side: 'SELL', price: '120', quantity: '4' });
    // Takes Bob's 4 on arrival and rests the other 6: PARTIALLY_FILLED.
    const partial = await placeLimit(alice, {
      instrumentId: NVDA,
      side: 'BUY',
      price: '120',
      quantity: '10',
    });
    expect(partial.status).toBe('PARTIALLY_FILLED');
    const aapl = await placeLimit(alice, { instrumentId: AAPL, side: 'BUY', price: '150', quantity: '5' });
    const msft = await placeLimit(alice, { instrumentId: MSFT, side: 'BUY', price: '400', quantity: '2' });
    const bobsAapl = await placeLimit(bob, { instrumentId: AAPL, side: 'BUY', price: '149', quantity: '7' });

    const response = await cancelAll(alice);

    expect(response.errors).toBeUndefined();
    const { cancelled, notCancelled } = response.data?.cancelAllOrders ?? { cancelled: [], notCancelled: [] };
    expect(notCancelled).toEqual([]);
    expect(cancelled.map((order) => order.id).sort()).toEqual([partial.id, aapl.id, msft.id].sort());
    for (const order of cancelled) expect(order.status).toBe('CANCELLED');
    expect(cancelled.find((order) => order.id === partial.id)?.filledQuantity).toBe('4');
    expect(cancelled.find((order) => order.id === aapl.id)?.instrument).toEqual({ id: AAPL });
    expect(await bids('NVDA')).toEqual([]);
    expect(await bids('MSFT')).toEqual([]);
    expect(await bids('AAPL')).toEqual(['149:7']);
    expect(await statusOf(bobsAapl.id)).toBe('OPEN');
  });

  it('cancels only the orders of the instrument it is given', async () => {
    const alice = randomUUID();
    const aapl = await placeLimit(alice, { instrumentId: AAPL, side: 'BUY', price: '140', quantity: '3' });
    const msft = await placeLimit(alice, { instrumentId: MSFT, side: 'BUY', price: '390', quantity: '3' });

    const response = await cancelAll(alice, AAPL);

    expect(response.errors).toBeUndefined();
    expect(response.data?.cancelAllOrders.cancelled.map((order) => order.id)).toEqual([aapl.id]);
    expect(await statusOf(aapl.id)).toBe('CANCELLED');
    expect(await statusOf(msft.id)).toBe('OPEN');
    expect(await bids('MSFT')).toContain('390:3');
  });

  it('cancels nothing when called again', async () => {
    const alice = randomUUID();
    await placeLimit(alice, { instrumentId: AAPL, side: 'BUY', price: '141', quantity: '2' });
    await placeLimit(alice, { instrumentId: AAPL, side: 'BUY', price: '142', quantity: '2' });
    const first = await cancelAll(alice);
    expect(first.data?.cancelAllOrders.cancelled).toHaveLength(2);
    const book = await fixture().engine.getOrderBook('AAPL', 50);

    const second = await cancelAll(alice);

    expect(second.errors).toBeUndefined();
    expect(second.data).toEqual({ cancelAllOrders: { cancelled: [], notCancelled: [] } });
    expect((await fixture().engine.getOrderBook('AAPL', 50)).bids).toEqual(book.bids);
  });

  it('does not list an order that filled in the meantime', async () => {
    const alice = randomUUID();
    const TSLA = demoInstrumentId('TSLA');
    await placeLimit(alice, { instrumentId: TSLA, side: 'BUY', price: '200', quantity: '5' });
    // Fills Alice's order on the engine; her row learns of it only from the engine's events.
    await placeLimit(randomUUID(), { instrumentId: TSLA, side: 'SELL', price: '200', quantity: '5' });

    const response = await cancelAll(alice);

    expect(response.errors).toBeUndefined();
    expect(response.data?.cancelAllOrders).toEqual({ cancelled: [], notCancelled: [] });
  });

  it('cancels and records an order the engine took but this subgraph has not recorded yet', async () => {
    const alice = randomUUID();
    // Straight to the engine, as a placeOrder that has not answered yet would have sent it.
    const sent = await fixture().engine.submitOrder({
      symbol: 'AMZN',
      accountId: alice,
      side: 'BUY',
      type: 'LIMIT',
      price: '170',
      quantity: '3',
    });
    if (sent.kind !== 'accepted') throw new Error(JSON.stringify(sent));

    const response = await cancelAll(alice);

    expect(response.errors).toBeUndefined();
    const cancelled = response.data?.cancelAllOrders.cancelled ?? [];
    expect(cancelled).toHaveLength(1);
    expect(cancelled[0]).toMatchObject({
      status: 'CANCELLED',
      filledQuantity: '0',
      instrument: { id: demoInstrumentId('AMZN') },
    });
    expect(await bids('AMZN')).not.toContain('170:3');
  });

  it('records an unrecorded order that had partly filled, then prices it from its placeOrder', async () => {
    const alice = randomUUID();
    const seller = randomUUID();
    const engine = fixture().engine;
    // Straight to the engine: a resting sell of 2, then Alice's buy of 5 takes it and rests 3.
    const sell = await engine.submitOrder({
      symbol: 'GOOGL',
      accountId: seller,
      side: 'SELL',
      type: 'LIMIT',
      price: '150',
      quantity: '2',
    });
    const buy = await engine.submitOrder({
      symbol: 'GOOGL',
      accountId: alice,
      side: 'BUY',
      type: 'LIMIT',
      price: '150',
      quantity: '5',
    });
    if (sell.kind !== 'accepted' || buy.kind !== 'accepted') throw new Error(JSON.stringify([sell, buy]));

    const response = await cancelAll(alice);

    expect(response.errors).toBeUndefined();
    expect(response.data?.cancelAllOrders.cancelled).toEqual([
      expect.objectContaining({ status: 'CANCELLED', filledQuantity: '2' }),
    ]);
    // Its placeOrder answers late: the order stays CANCELLED and gets the average of its fill.
    const row = await fixture().db.prisma.order.findFirstOrThrow({ where: { userId: alice } });
    await mirrorOrder(
      fixture().db.prisma,
      mirrorOfReport(buy.report, {
        userId: alice,
        instrumentId: row.instrumentId,
        before: NOTHING_FILLED,
        at: new Date(),
      }),
    );
    const priced = await fixture().db.prisma.order.findUniqueOrThrow({ where: { id: row.id } });
    expect([priced.status, priced.filledQuantity.toFixed(), priced.averagePrice?.toFixed()]).toEqual([
      'CANCELLED',
      '2',
      '150',
    ]);
  });

  it('cancels the orders of a halted instrument too', async () => {
    const alice = randomUUID();
    const META = demoInstrumentId('META');
    const order = await placeLimit(alice, { instrumentId: META, side: 'BUY', price: '500', quantity: '1' });
    const halted = await fixture().db.prisma.instrument.update({
      where: { id: META },
      data: { active: false },
    });
    // The subgraph's catalogue would notice within a second; tell it now.
    ordersRuntimeOf(fixture().db.prisma).catalog.remember(halted);

    const response = await cancelAll(alice, META);

    expect(response.errors).toBeUndefined();
    expect(response.data?.cancelAllOrders.cancelled.map((cancelled) => cancelled.id)).toEqual([order.id]);
    expect(await bids('META')).toEqual([]);
  });

  it('cancels many more orders than it sends at once', async () => {
    const alice = randomUUID();
    const placed: string[] = [];
    for (let i = 0; i < 40; i++)
      placed.push(
        (await placeLimit(alice, { instrumentId: MSFT, side: 'SELL', price: `${450 + i}`, quantity: '1' }))
          .id,
      );

    const response = await cancelAll(alice);

    expect(response.errors).toBeUndefined();
    // Oldest first, as placed.
    expect(response.data?.cancelAllOrders.cancelled.map((order) => order.id)).toEqual(placed);
    expect((await fixture().engine.getOrderBook('MSFT', 100)).asks).toEqual([]);
  });

  it('leaves alone recorded orders that never reached the engine', async () => {
    // A working row without an engine id, as data seeded by an earlier version held.
    const owner = randomUUID();
    const recordedOnly = await fixture().db.prisma.order.create({
      data: {
        userId: owner,
        instrumentId: AAPL,
        side: 'BUY',
        type: 'LIMIT',
        status: 'OPEN',
        price: '100',
        quantity: '1',
      },
    });
    const response = await cancelAll(owner);

    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ cancelAllOrders: { cancelled: [], notCancelled: [] } });
    expect(await statusOf(recordedOnly.id)).toBe('OPEN');
  });
});

describe('when the engine does not answer', () => {
  it('fails with the engine’s error and records nothing', async () => {
    const alice = randomUUID();
    const order = await placeLimit(alice, { instrumentId: AAPL, side: 'BUY', price: '121', quantity: '1' });
    const engine: EngineClient = Object.assign(Object.create(fixture().engine) as EngineClient, {
      cancelAllOrders: () => Promise.reject(new Error('DEADLINE_EXCEEDED: Deadline exceeded')),
    });
    const services = {
      prisma: fixture().db.prisma,
      engine,
      catalog: new InstrumentCatalog(fixture().db.prisma),
      logger: silentLogger(),
    };

    await expect(cancelAllOrders(services, testIdentity(alice), {})).rejects.toThrow('DEADLINE_EXCEEDED');
    expect(await statusOf(order.id)).toBe('OPEN');

    const retry = await cancelAll(alice);
    expect(retry.data?.cancelAllOrders.cancelled.map((cancelled) => cancelled.id)).toEqual([order.id]);
  });
});

describe('refusing a cancel-all', () => {
  it('refuses anonymous callers and callers without orders:write, cancelling nothing', async () => {
    const alice = randomUUID();
    const order = await placeLimit(alice, { instrumentId: AAPL, side: 'BUY', price: '143', quantity: '1' });

    expect(errorCodes(await cancelAll(null))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await cancelAll(alice, undefined, 'analyst'))).toEqual(['FORBIDDEN']);
    expect(await statusOf(order.id)).toBe('OPEN');
    expect(await bids('AAPL')).toContain('143:1');
  });

  it('refuses a malformed or unknown instrument id as BAD_USER_INPUT, like placeOrder', async () => {
    const alice = randomUUID();
    const order = await placeLimit(alice, { instrumentId: AAPL, side: 'BUY', price: '144', quantity: '1' });

    for (const instrumentId of ['AAPL', '00000000-0000-4000-8000-000000000000']) {
      const response = await cancelAll(alice, instrumentId);
      expect(errorCodes(response), instrumentId).toEqual(['BAD_USER_INPUT']);
      expect(response.errors?.[0]?.extensions?.['argument']).toBe('instrumentId');
    }
    expect(await statusOf(order.id)).toBe('OPEN');
  });
});
