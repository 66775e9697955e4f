import { Prisma, type Position, type PrismaClient } from '@mib/db';
import { createPageLoader, pageWhere, type PageLoader } from '@mib/subgraph-kit';

/** Resolves one portfolio's page of positions plus one row (see `toConnection`), by instrument. */
export type PositionsOfPortfolioLoader = PageLoader<Position, null>;

/** (portfolioId, instrumentId) is unique, so this order is total and keyset pages never overlap. */
const byInstrument = [
  { instrumentId: 'asc' },
  { id: 'asc' },
] satisfies Prisma.PositionOrderByWithRelationInput[];

/**
 * Batches `Portfolio.positions` across the portfolios of one request: first pages of the same
 * size share two statements however many portfolios ask; a page after a cursor is one query.
 */
export function createPositionsOfPortfolioLoader(prisma: PrismaClient): PositionsOfPortfolioLoader {
  return createPageLoader<Position, null>({
    loadFirstPages: (portfolioIds, _filter, take) => loadFirstPages(prisma, portfolioIds, take),
    loadPage: async (portfolioId, _filter, page) => {
      const where = await pageWhere<Prisma.PositionWhereInput>({ portfolioId }, page, byInstrument, (id) =>
        prisma.position.findFirst({ where: { id, portfolioId } }),
      );
      return where ? prisma.position.findMany({ where, orderBy: byInstrument, take: page.take }) : [];
    },
    parentOf: (position) => position.portfolioId,
  });
}

/**
 * The first `take` positions of each portfolio: a window query picks each portfolio's ids
 * (served by the unique (portfolio_id, instrument_id) index), then one query loads those rows.
 */
async function loadFirstPages(
  prisma: PrismaClient,
  portfolioIds: readonly string[],
  take: number,
): Promise<Position[]> {
  const ranked = await prisma.$queryRaw<{ id: string }[]>`
    SELECT id::text AS id FROM (
      SELECT id, row_number() OVER (PARTITION BY portfolio_id ORDER BY instrument_id, id) AS rank
      FROM portfolio.positions
      WHERE portfolio_id IN (${Prisma.join(portfolioIds.map((portfolioId) => Prisma.sql`${portfolioId}::uuid`))})
    ) AS ranked
    WHERE rank <= ${take}`;
  if (ranked.length === 0) return [];
  return prisma.position.findMany({
    where: { id: { in: ranked.map((row) => row.id) } },
    orderBy: byInstrument,
  });
}
