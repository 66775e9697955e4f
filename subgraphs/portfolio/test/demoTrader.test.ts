import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PORTFOLIO_ID, DEMO_TRADER_ID, demoInstrumentId, seedDemoData } from '@mib/db';
import { createTestDatabase, type TestDatabase } from '@mib/db/testing';
import type { RunningService } from '@mib/subgraph-kit';
import { adminRequest, startSubgraphForTest } from '@mib/subgraph-kit/testing';
import { portfolioSubgraph } from '../src/index.js';

let db: TestDatabase;
let subgraph: RunningService & AsyncDisposable;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemoData(db.prisma);
  subgraph = await startSubgraphForTest(portfolioSubgraph, db.prisma);
});

afterAll(async () => {
  await subgraph[Symbol.asyncDispose]();
  await db[Symbol.asyncDispose]();
});

interface TraderPortfolio {
  _entities: {
    portfolio: {
      id: string;
      baseCurrency: string;
      cash: string;
      realizedPnl: string;
      positions: { edges: { node: { instrument: { id: string }; quantity: string; costBasis: string } }[] };
    } | null;
  }[];
}

describe("the demo trader's portfolio", () => {
  it('serves the seeded cash and positions, the FX short with a negative cost basis', async () => {
    const response = await adminRequest<TraderPortfolio>(
      subgraph.url,
      `query($r: [_Any!]!) {
        _entities(representations: $r) {
          ... on User { portfolio { id baseCurrency cash realizedPnl positions(first: 50) { edges { node { instrument { id } quantity costBasis } } } } }
        }
      }`,
      { r: [{ __typename: 'User', id: DEMO_TRADER_ID }] },
    );
    expect(response.errors).toBeUndefined();
    const portfolio = response.data?._entities[0]?.portfolio;
    const seeded = await db.prisma.cashBalance.findMany({ where: { portfolioId: DEMO_PORTFOLIO_ID } });
    expect(seeded.map(({ currency }) => currency)).toEqual(['USD']);
    expect(portfolio).toMatchObject({
      id: DEMO_PORTFOLIO_ID,
      baseCurrency: 'USD',
      cash: seeded[0]?.amount.toFixed(),
      realizedPnl: '0',
    });
    const bySymbol = new Map(portfolio?.positions.edges.map(({ node }) => [node.instrument.id, node]));
    expect(bySymbol.size).toBe(await db.prisma.position.count({ where: { portfolioId: DEMO_PORTFOLIO_ID } }));
    expect(bySymbol.get(demoInstrumentId('EURUSD'))).toMatchObject({
      quantity: '-10000',
      costBasis: '-10890',
    });
    expect(bySymbol.get(demoInstrumentId('MSFT'))).toMatchObject({ quantity: '20', costBasis: '8200' });
  });
});
