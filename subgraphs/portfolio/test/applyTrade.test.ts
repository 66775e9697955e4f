import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@mib/db/testing';
import { createInstruments, positionOf, positionsConsumer, TradeTape } from './tradeEvents.js';

let db: TestDatabase;
let deliver: ReturnType<typeof positionsConsumer>;
const tape = new TradeTape();

beforeAll(async () => {
  db = await createTestDatabase();
  await createInstruments(db.prisma, ['AAPL', 'MSFT']);
  deliver = positionsConsumer(db.prisma);
});

afterAll(async () => {
  await db[Symbol.asyncDispose]();
});

describe('a trade applied to both portfolios', () => {
  const alice = randomUUID();
  const bob = randomUUID();
  /** Alice's trade of `quantity` at `price`; Bob is always on the other side. */
  const alicesTrade = (side: 'BUY' | 'SELL', quantity: string, price: string) =>
    deliver([
      tape.trade(
        'AAPL',
        side === 'BUY'
          ? { buyer: alice, seller: bob, price, quantity }
          : { buyer: bob, seller: alice, price, quantity, aggressor: 'SELL' },
      ),
    ]);

  it('opens a portfolio in USD with the first buy: cash falls by price × quantity, the seller opens a short', async () => {
    await alicesTrade('BUY', '10', '100');
    expect(await positionOf(db.prisma, alice, 'AAPL')).toEqual({
      cash: '-1000',
      quantity: '10',
      averageCost: '100',
      realizedPnl: '0',
    });
    expect(await positionOf(db.prisma, bob, 'AAPL')).toEqual({
      cash: '1000',
      quantity: '-10',
      averageCost: '100',
      realizedPnl: '0',
    });
    expect(await db.prisma.portfolio.findUniqueOrThrow({ where: { userId: alice } })).toMatchObject({
      baseCurrency: 'USD',
    });
  });

  it('re-averages the cost when a buy adds to a long (and a sell to a short)', async () => {
    await alicesTrade('BUY', '5', '106');
    expect(await positionOf(db.prisma, alice, 'AAPL')).toEqual({
      cash: '-1530',
      quantity: '15',
      averageCost: '102',
      realizedPnl: '0',
    });
    expect(await positionOf(db.prisma, bob, 'AAPL')).toEqual({
      cash: '1530',
      quantity: '-15',
      averageCost: '102',
      realizedPnl: '0',
    });
  });

  it('realizes (price − average cost) × quantity on a partial close and keeps the average cost', async () => {
    await alicesTrade('SELL', '6', '110');
    expect(await positionOf(db.prisma, alice, 'AAPL')).toEqual({
      cash: '-870',
      quantity: '9',
      averageCost: '102',
      realizedPnl: '48',
    });
    expect(await positionOf(db.prisma, bob, 'AAPL')).toEqual({
      cash: '870',
      quantity: '-9',
      averageCost: '102',
      realizedPnl: '-48',
    });
  });

  it('realizes the rest on a full close at a loss and leaves a flat position with zero cost', async () => {
    await alicesTrade('SELL', '9', '99.5');
    expect(await positionOf(db.prisma, alice, 'AAPL')).toEqual({
      cash: '25.5',
      quantity: '0',
      averageCost: '0',
      realizedPnl: '25.5',
    });
    expect(await positionOf(db.prisma, bob, 'AAPL')).toEqual({
      cash: '-25.5',
      quantity: '0',
      averageCost: '0',
      realizedPnl: '-25.5',
    });
  });

  it('opens a short from flat at the trade price', async () => {
    await alicesTrade('SELL', '4', '101.25');
    expect(await positionOf(db.prisma, alice, 'AAPL')).toEqual({
      cash: '430.5',
      quantity: '-4',
      averageCost: '101.25',
      realizedPnl: '25.5',
    });
  });

  it('crossing through zero realizes the closed part and opens the rest at the trade price', async () => {
    await alicesTrade('BUY', '7', '100.3333');
    // Short 4 closed: (101.25 − 100.3333) × 4 = 3.6668; long 3 opened at 100.3333.
    expect(await positionOf(db.prisma, alice, 'AAPL')).toEqual({
      cash: '-271.8331',
      quantity: '3',
      averageCost: '100.3333',
      realizedPnl: '29.1668',
    });
    expect(await positionOf(db.prisma, bob, 'AAPL')).toEqual({
      cash: '271.8331',
      quantity: '-3',
      averageCost: '100.3333',
      realizedPnl: '-29.1668',
    });
  });

  it('rounds a re-averaged cost to 8 places, half to even', async () => {
    await alicesTrade('BUY', '1', '100.01');
    expect((await positionOf(db.prisma, alice, 'AAPL')).averageCost).toBe('100.252475');
    await alicesTrade('BUY', '2', '100');
    // (4 × 100.252475 + 2 × 100) / 6 = 100.168316666…
    expect(await positionOf(db.prisma, alice, 'AAPL')).toEqual({
      cash: '-571.8431',
      quantity: '6',
      averageCost: '100.16831667',
      realizedPnl: '29.1668',
    });
  });
});

describe('a short position', () => {
  it('opens at the sale price, rounds cash to 4 places, and realizes (average cost − price) when covered', async () => {
    const carol = randomUUID();
    const dave = randomUUID();
    await deliver([tape.trade('MSFT', { buyer: dave, seller: carol, price: '300.12345', quantity: '0.5' })]);
    // 0.5 × 300.12345 = 150.061725 → 150.0617
    expect(await positionOf(db.prisma, carol, 'MSFT')).toEqual({
      cash: '150.0617',
      quantity: '-0.5',
      averageCost: '300.12345',
      realizedPnl: '0',
    });
    await deliver([tape.trade('MSFT', { buyer: carol, seller: dave, price: '290', quantity: '0.2' })]);
    // (300.12345 − 290) × 0.2 = 2.02469 → 2.0247
    expect(await positionOf(db.prisma, carol, 'MSFT')).toEqual({
      cash: '92.0617',
      quantity: '-0.3',
      averageCost: '300.12345',
      realizedPnl: '2.0247',
    });
  });
});

describe('trades that belong to no portfolio', () => {
  it('ignores external prints and trades of instruments outside the catalogue', async () => {
    const before = await db.prisma.position.count();
    const erin = randomUUID();
    await deliver([
      tape.print('AAPL', '101', '3'),
      tape.trade('NOPE', { buyer: erin, seller: randomUUID(), price: '1', quantity: '1' }),
    ]);
    expect(await db.prisma.position.count()).toBe(before);
    expect(await db.prisma.portfolio.findUnique({ where: { userId: erin } })).toBeNull();
  });
});
