import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PORTFOLIO_ID, DEMO_TRADER_ID, demoInstrumentId, seedDemoData } from '@mib/db';
import { adminRequest, startSubgraphFixture, type SubgraphFixture } from '@mib/subgraph-kit/testing';
import { portfolioSubgraph } from '../src/index.js';

let fixture: SubgraphFixture<void>;
beforeAll(async () => {
  fixture = await startSubgraphFixture(portfolioSubgraph, { seed: seedDemoData });
});
afterAll(() => fixture[Symbol.asyncDispose]());

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
      fixture.url,
      `query($r: [_Any!]!) {
        _entities(representations: $r) {
          ... on User { portfolio { id baseCurrency cash realizedPnl positions(first: 50) { edges { node { instrument { id } quantity costBasis } } } } }
        }
      }`,
      { r: [{ __typename: 'User', id: DEMO_TRADER_ID }] },
    );
    expect(response.errors).toBeUndefined();
    const portfolio = response.data?._entities[0]?.portfolio;
    const where = { portfolioId: DEMO_PORTFOLIO_ID };
    const balances = await fixture.db.prisma.cashBalance.findMany({ where });
    expect(balances.map(({ currency }) => currency)).toEqual(['USD']);
    expect(portfolio).toMatchObject({
      id: DEMO_PORTFOLIO_ID,
      baseCurrency: 'USD',
      cash: balances[0]?.amount.toFixed(),
      realizedPnl: '0',
    });
    const bySymbol = new Map(portfolio?.positions.edges.map(({ node }) => [node.instrument.id, node]));
    expect(bySymbol.size).toBe(await fixture.db.prisma.position.count({ where }));
    expect(bySymbol.get(demoInstrumentId('EURUSD'))).toMatchObject({
      quantity: '-10000',
      costBasis: '-10890',
    });
    expect(bySymbol.get(demoInstrumentId('MSFT'))).toMatchObject({ quantity: '20', costBasis: '8200' });
  });
});
