import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Prisma, type PrismaClient } from '@mib/db';
import {
  adminRequest,
  errorCodes,
  startSubgraphFixture,
  type SubgraphFixture,
} from '@mib/subgraph-kit/testing';
import { portfolioSubgraph } from '../src/index.js';
import { createInstrument, seedPortfolios, type SeededPortfolios } from './portfolioFixtures.js';

/**
 * Exact like the resolver: Prisma's Decimal keeps 20 digits and would round the cost basis of
 * Alice's largest position whenever its random instrument id sorts first.
 */
const ExactDecimal = Prisma.Decimal.clone({ precision: 40 });
/** Twenty more traders, each with a portfolio of two positions. */
const traderIds = Array.from({ length: 20 }, () => randomUUID());

/** `seedPortfolios`, then the twenty traders. */
async function seedWithTraders(prisma: PrismaClient): Promise<SeededPortfolios> {
  const seeded = await seedPortfolios(prisma);
  for (const userId of traderIds) {
    await prisma.portfolio.create({
      data: {
        userId,
        baseCurrency: 'USD',
        cashBalances: { create: { currency: 'USD', amount: '500' } },
        positions: {
          create: [
            {
              instrumentId: await createInstrument(prisma),
              quantity: '1',
              averageCost: '10',
              realizedPnl: '1.25',
            },
            {
              instrumentId: await createInstrument(prisma),
              quantity: '2',
              averageCost: '20',
              realizedPnl: '-0.5',
            },
          ],
        },
      },
    });
  }
  return seeded;
}

let fixture: SubgraphFixture<SeededPortfolios>;
beforeAll(async () => {
  fixture = await startSubgraphFixture(portfolioSubgraph, { seed: seedWithTraders, recordStatements: true });
});
beforeEach(() => fixture.forgetStatements());
afterAll(() => fixture[Symbol.asyncDispose]());

const entitiesQuery = `query($r: [_Any!]!) {
  _entities(representations: $r) {
    ... on Portfolio { id cash }
    ... on Position { id costBasis owner: portfolio { id realizedPnl } }
    ... on User { id portfolio { id cash realizedPnl } }
  }
}`;

describe('entity references', () => {
  it('resolves portfolio, position and user representations in the order given, null where there is none', async () => {
    const [position] = fixture.seeded.alicePositions;
    const response = await adminRequest<{ _entities: unknown[] }>(fixture.url, entitiesQuery, {
      r: [
        { __typename: 'Portfolio', id: fixture.seeded.bob.id },
        { __typename: 'Portfolio', id: '00000000-0000-4000-8000-000000000000' },
        { __typename: 'Position', id: position?.id },
        { __typename: 'Position', id: '00000000-0000-4000-8000-000000000000' },
        { __typename: 'User', id: fixture.seeded.aliceId },
        { __typename: 'User', id: fixture.seeded.carolId },
      ],
    });
    expect(response.errors).toBeUndefined();
    expect(response.data?._entities).toEqual([
      { id: fixture.seeded.bob.id, cash: '0' },
      null,
      {
        id: position?.id,
        costBasis: position && new ExactDecimal(position.quantity).times(position.averageCost).toFixed(),
        owner: { id: fixture.seeded.alice.id, realizedPnl: '994.8' },
      },
      null,
      {
        id: fixture.seeded.aliceId,
        portfolio: { id: fixture.seeded.alice.id, cash: '10000.5', realizedPnl: '994.8' },
      },
      { id: fixture.seeded.carolId, portfolio: null },
    ]);
  });

  it('rejects a malformed id in a representation as BAD_USER_INPUT', async () => {
    const response = await adminRequest(fixture.url, entitiesQuery, {
      r: [{ __typename: 'Portfolio', id: 'alice' }],
    });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
  });

  it("resolves 20 users' portfolios with their cash and realized P&L in three statements", async () => {
    const response = await adminRequest<{
      _entities: { portfolio: { cash: string; realizedPnl: string } | null }[];
    }>(fixture.url, entitiesQuery, {
      r: traderIds.map((id) => ({ __typename: 'User', id })),
    });
    expect(response.errors).toBeUndefined();
    expect(
      response.data?._entities.map(({ portfolio }) => [portfolio?.cash, portfolio?.realizedPnl]),
    ).toEqual(traderIds.map(() => ['500', '0.75']));
    // Portfolios by user id, then their cash balances and one grouped sum, each for all of them.
    expect(fixture.statements).toHaveLength(3);
  });

  it('resolves 40 positions with their portfolios in three statements', async () => {
    const positions = await fixture.db.prisma.position.findMany({
      where: { portfolio: { userId: { in: traderIds } } },
    });
    fixture.forgetStatements();
    const response = await adminRequest<{ _entities: { owner: { realizedPnl: string } }[] }>(
      fixture.url,
      entitiesQuery,
      {
        r: positions.map(({ id }) => ({ __typename: 'Position', id })),
      },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?._entities.map((position) => position.owner.realizedPnl)).toEqual(
      Array<string>(40).fill('0.75'),
    );
    // Positions, their portfolios, the portfolios' realized P&L.
    expect(fixture.statements).toHaveLength(3);
  });

  it("reads the instruments the catalogue lacks for 40 positions' currencies in one statement", async () => {
    const positions = await fixture.db.prisma.position.findMany({
      where: { portfolio: { userId: { in: traderIds } } },
    });
    // Later than the catalogue's memory of any instrument an earlier test read.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    fixture.forgetStatements();
    const response = await adminRequest<{ _entities: { currency: string }[] }>(
      fixture.url,
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Position { currency } } }',
      { r: positions.map(({ id }) => ({ __typename: 'Position', id })) },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?._entities).toEqual(positions.map(() => ({ currency: 'USD' })));
    // Positions, their portfolios (for the owner check), then their instruments.
    expect(fixture.statements).toHaveLength(3);
  });

  it("pages 20 users' portfolio positions, each its own first page by instrument, in four statements", async () => {
    const positions = await fixture.db.prisma.position.findMany({
      where: { portfolio: { userId: { in: traderIds } } },
      include: { portfolio: true },
      orderBy: [{ instrumentId: 'asc' }, { id: 'asc' }],
    });
    const firstPositionOf = (userId: string) =>
      positions.find((position) => position.portfolio.userId === userId)?.id;
    fixture.forgetStatements();
    const response = await adminRequest<{
      _entities: {
        portfolio: {
          realizedPnl: string;
          positions: { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean } };
        };
      }[];
    }>(
      fixture.url,
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on User { portfolio { realizedPnl positions(first: 1) { edges { node { id } } pageInfo { hasNextPage } } } } } }',
      { r: traderIds.map((id) => ({ __typename: 'User', id })) },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?._entities.map(({ portfolio }) => portfolio.positions)).toEqual(
      traderIds.map((userId) => ({
        edges: [{ node: { id: firstPositionOf(userId) } }],
        pageInfo: { hasNextPage: true },
      })),
    );
    // Portfolios by user id, their realized P&L, each portfolio's first position ids ranked
    // in one window query, then those positions: not one statement per portfolio.
    expect(fixture.statements).toHaveLength(4);
  });
});
