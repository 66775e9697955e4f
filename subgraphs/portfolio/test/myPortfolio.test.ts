import { randomUUID } from 'node:crypto';
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@mib/db/testing';
import { EngineClient } from '@mib/engine';
import { InProcessEventBus } from '@mib/events';
import type { PlatformServices, RunningService } from '@mib/subgraph-kit';
import {
  connectSubgraph,
  adminRequest,
  subscribeAs,
  testCallerTokens,
  testIdentity,
} from '@mib/subgraph-kit/testing';
import { silentLogger } from '@mib/telemetry';
import { portfolioSubgraph } from '../src/index.js';
import { portfolioRuntimeOf } from '../src/portfolioRuntime.js';
import { createInstruments, instrumentIdOf, TradeTape } from './tradeEvents.js';

let db: TestDatabase;
let bus: InProcessEventBus;
let engine: EngineClient;
let subgraph: RunningService;
let client: Client;
const tape = new TradeTape();

beforeAll(async () => {
  db = await createTestDatabase();
  await createInstruments(db.prisma, ['AAPL', 'MSFT']);
  bus = new InProcessEventBus({ logger: silentLogger() });
  // The portfolio subgraph sends no commands: a client of an engine that is not there will do.
  engine = new EngineClient('127.0.0.1:9');
  const services: PlatformServices = { events: bus, engine };
  subgraph = await portfolioSubgraph.start(
    db.prisma,
    { port: 0, logger: silentLogger(), callerTokens: testCallerTokens },
    services,
  );
  client = connectSubgraph(subgraph.url);
});

afterAll(async () => {
  await client.dispose();
  await subgraph.stop();
  await bus.close();
  engine.close();
  await db[Symbol.asyncDispose]();
});

const runtime = () => portfolioRuntimeOf(db.prisma, undefined);
const subscribers = () => {
  const live = runtime().live;
  if (!live) throw new Error('the subgraph was started without its live portfolios');
  return live.subscribers;
};

const MY_PORTFOLIO = `subscription { myPortfolio { baseCurrency cash realizedPnl positions { edges { node { instrument { id } quantity averageCost } } } } }`;

describe('Subscription.myPortfolio', () => {
  it("delivers the subscriber's portfolio after each of their trades, with the trade applied", async () => {
    const alice = randomUUID();
    const bob = randomUUID();
    const updates = subscribeAs(client, testIdentity(alice), MY_PORTFOLIO);
    const first = updates.next();
    await subscribers().when(1);

    // Bob trades with someone else first: Alice hears nothing of it.
    await bus.publish([
      tape.trade('MSFT', { buyer: bob, seller: randomUUID(), price: '400', quantity: '1' }),
    ]);
    await bus.publish([tape.trade('AAPL', { buyer: alice, seller: bob, price: '190.5', quantity: '2' })]);
    expect((await first).data).toEqual({
      myPortfolio: {
        baseCurrency: 'USD',
        cash: '-381',
        realizedPnl: '0',
        positions: {
          edges: [
            { node: { instrument: { id: instrumentIdOf('AAPL') }, quantity: '2', averageCost: '190.5' } },
          ],
        },
      },
    });

    await bus.publish([
      tape.trade('AAPL', { buyer: bob, seller: alice, price: '191', quantity: '2', aggressor: 'SELL' }),
    ]);
    expect((await updates.next()).data).toMatchObject({ myPortfolio: { cash: '1', realizedPnl: '1' } });
    await updates.close();
    await subscribers().when(0);
  });

  it('refuses an anonymous subscriber with UNAUTHENTICATED', async () => {
    const anonymous = subscribeAs(client, null, MY_PORTFOLIO);
    const result = await anonymous.next().catch((errors: unknown) => ({ errors }));
    expect(JSON.stringify(result.errors)).toContain('UNAUTHENTICATED');
  });
});

describe('unrealized P&L at the latest quote', () => {
  it('marks positions at the last trade, else the mid, and sums them per portfolio', async () => {
    const carol = randomUUID();
    const trades = [
      tape.trade('AAPL', { buyer: carol, seller: randomUUID(), price: '100', quantity: '3' }),
      tape.trade('MSFT', { buyer: randomUUID(), seller: carol, price: '50.5', quantity: '0.4' }),
    ];
    await bus.publish(trades);
    // The consumer applies them in the background and says when (timeout: 10 s).
    await Promise.all(trades.map((trade) => runtime().progress.until(trade)));
    const updatedAt = new Date();
    await db.prisma.quote.createMany({
      data: [
        { instrumentId: instrumentIdOf('AAPL'), last: '101.25', bid: '101', ask: '102', updatedAt },
        { instrumentId: instrumentIdOf('MSFT'), last: null, bid: '49.99', ask: '50.02', updatedAt },
      ],
    });
    const portfolio = (await db.prisma.portfolio.findUniqueOrThrow({ where: { userId: carol } })).id;
    const response = await adminRequest(
      subgraph.url,
      `query($id: ID!) { portfolio(id: $id) { unrealizedPnl positions { edges { node { instrument { id } marketPrice marketValue unrealizedPnl } } } } }`,
      { id: portfolio },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({
      portfolio: {
        // 3 × (101.25 − 100) + −0.4 × (50.005 − 50.5) = 3.75 + 0.198
        unrealizedPnl: '3.948',
        positions: {
          edges: expect.arrayContaining([
            {
              node: {
                instrument: { id: instrumentIdOf('AAPL') },
                marketPrice: '101.25',
                marketValue: '303.75',
                unrealizedPnl: '3.75',
              },
            },
            {
              node: {
                instrument: { id: instrumentIdOf('MSFT') },
                marketPrice: '50.005',
                marketValue: '-20.002',
                unrealizedPnl: '0.198',
              },
            },
          ]) as unknown,
        },
      },
    });
  });

  it('sums positions at the exact bid/ask mid their own marketPrice shows, however large the price and quantity', async () => {
    // The largest prices NUMERIC(20,8) holds: the mid has 9 decimals and 21 significant digits,
    // its product with the largest quantity 42.
    await createInstruments(db.prisma, ['HUGE']);
    const instrumentId = instrumentIdOf('HUGE');
    await db.prisma.quote.create({
      data: {
        instrumentId,
        bid: '999999999999.99999998',
        ask: '999999999999.99999999',
        updatedAt: new Date(),
      },
    });
    const { id } = await db.prisma.portfolio.create({
      data: {
        userId: randomUUID(),
        baseCurrency: 'USD',
        positions: {
          create: { instrumentId, quantity: '999999999999.99999999', averageCost: '999999999999.99999998' },
        },
      },
    });
    const response = await adminRequest(
      subgraph.url,
      `query($id: ID!) { portfolio(id: $id) { unrealizedPnl equity positions { edges { node { marketPrice marketValue unrealizedPnl } } } } }`,
      { id },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({
      portfolio: {
        // The positions' P&L and value rounded half to even to 4 places; a mid cut to 8 decimals
        // (999999999999.99999999) would give 9999.9999… and …980000.0000….
        unrealizedPnl: '5000',
        equity: '999999999999999999975000',
        positions: {
          edges: [
            {
              node: {
                marketPrice: '999999999999.999999985',
                marketValue: '999999999999999999975000.00000000000000015',
                unrealizedPnl: '4999.99999999999999995',
              },
            },
          ],
        },
      },
    });
  });
});
