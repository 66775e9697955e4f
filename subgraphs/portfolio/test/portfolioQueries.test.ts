import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adminRequest,
  errorCodes,
  startSubgraphFixture,
  walkConnection,
  type ConnectionPage,
  type SubgraphFixture,
} from '@mib/subgraph-kit/testing';
import { portfolioSubgraph } from '../src/index.js';
import { seedPortfolios, type SeededPortfolios } from './portfolioFixtures.js';

let fixture: SubgraphFixture<SeededPortfolios>;
beforeAll(async () => {
  fixture = await startSubgraphFixture(portfolioSubgraph, { seed: seedPortfolios });
});
afterAll(() => fixture[Symbol.asyncDispose]());

interface PositionsPage {
  portfolio: { positions: ConnectionPage<{ id: string }> } | null;
}

const positionsPage = (id: string, first: number, after: string | null) =>
  adminRequest<PositionsPage>(
    fixture.url,
    'query($id: ID!, $first: Int, $after: String) { portfolio(id: $id) { positions(first: $first, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } } }',
    { id, first, after },
  );

describe('Query.portfolio', () => {
  it('returns cash, the sum of realized P&L and a reference to the user, all exact', async () => {
    const response = await adminRequest(
      fixture.url,
      'query($id: ID!) { portfolio(id: $id) { id user { id } baseCurrency cash realizedPnl } }',
      { id: fixture.seeded.alice.id },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({
      portfolio: {
        id: fixture.seeded.alice.id,
        user: { id: fixture.seeded.aliceId },
        baseCurrency: 'USD',
        cash: '10000.5',
        realizedPnl: '994.8',
      },
    });
  });

  it('reports zero realized P&L and no positions for a portfolio that never traded', async () => {
    const response = await adminRequest(
      fixture.url,
      'query($id: ID!) { portfolio(id: $id) { realizedPnl positions { edges { cursor } pageInfo { hasNextPage endCursor } } } }',
      { id: fixture.seeded.bob.id },
    );
    expect(response.data).toEqual({
      portfolio: {
        realizedPnl: '0',
        positions: { edges: [], pageInfo: { hasNextPage: false, endCursor: null } },
      },
    });
  });

  it('computes each cost basis as the exact product of quantity and average cost, shorts negative', async () => {
    const response = await adminRequest<{
      portfolio: {
        positions: {
          edges: {
            node: {
              quantity: string;
              averageCost: string;
              costBasis: string;
              instrument: { id: string };
              portfolio: { id: string };
            };
          }[];
        };
      };
    }>(
      fixture.url,
      'query($id: ID!) { portfolio(id: $id) { positions { edges { node { quantity averageCost costBasis instrument { id } portfolio { id } } } } } }',
      { id: fixture.seeded.alice.id },
    );
    const byQuantity = new Map(
      response.data?.portfolio.positions.edges.map(({ node }) => [node.quantity, node.costBasis]),
    );
    expect(byQuantity.get('10')).toBe('1892.5');
    expect(byQuantity.get('-2.5')).toBe('-100000.30864195');
    // 39 significant digits: Prisma's default Decimal (20 digits) would round this.
    expect(byQuantity.get('123456789012.12345678')).toBe('12193263113680231262.3721724438259412');
    expect(response.data?.portfolio.positions.edges.map(({ node }) => node.instrument.id)).toEqual(
      fixture.seeded.alicePositions.map((position) => position.instrumentId),
    );
    expect(new Set(response.data?.portfolio.positions.edges.map(({ node }) => node.portfolio.id))).toEqual(
      new Set([fixture.seeded.alice.id]),
    );
  });

  it('walks every page of positions by instrument, each exactly once', async () => {
    const pages = await walkConnection(
      (after) => positionsPage(fixture.seeded.alice.id, 3, after),
      (data) => data.portfolio?.positions,
    );
    expect(pages.flat().map((position) => position.id)).toEqual(
      fixture.seeded.alicePositions.map((position) => position.id),
    );
  });

  it('returns null for an unknown id and BAD_USER_INPUT for a malformed one', async () => {
    const unknown = await adminRequest(
      fixture.url,
      'query { portfolio(id: "00000000-0000-4000-8000-000000000000") { id } }',
    );
    expect(unknown.errors).toBeUndefined();
    expect(unknown.data).toEqual({ portfolio: null });
    expect(errorCodes(await adminRequest(fixture.url, 'query { portfolio(id: "p-1") { id } }'))).toEqual([
      'BAD_USER_INPUT',
    ]);
  });

  it.each([
    ['first: 0', 0, null],
    ['first: 101', 101, null],
    ['a forged cursor', 2, 'Zm9yZ2Vk'],
  ])('rejects %s as BAD_USER_INPUT and writes nothing', async (_case, first, after) => {
    const before = await fixture.db.prisma.position.count();
    expect(errorCodes(await positionsPage(fixture.seeded.alice.id, first, after))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(await fixture.db.prisma.position.count()).toBe(before);
  });
});
