import DataLoader from 'dataloader';
import { Prisma, type PrismaClient } from '@mib/db';

export type UnrealizedPnlLoader = DataLoader<string, Prisma.Decimal | null>;

/** The market price of `marketPriceLoader.ts`, in SQL. */
const MARKET_PRICE_SQL = Prisma.sql`COALESCE(q.last, (q.bid + q.ask) / 2)`;

/**
 * Unrealized P&L of many portfolios in one grouped query, summed by PostgreSQL in exact
 * `numeric`: Σ (market price − average cost) × quantity over open positions. Null when an open
 * position has no market price (a partial sum would look complete); zero with no open positions.
 */
export function createUnrealizedPnlLoader(prisma: PrismaClient): UnrealizedPnlLoader {
  return new DataLoader(async (portfolioIds) => {
    const rows = await prisma.$queryRaw<
      { portfolioId: string; pnl: Prisma.Decimal | null; unpriced: bigint }[]
    >`
      SELECT p.portfolio_id::text AS "portfolioId",
             SUM((${MARKET_PRICE_SQL} - p.average_cost) * p.quantity) AS pnl,
             COUNT(*) FILTER (WHERE ${MARKET_PRICE_SQL} IS NULL) AS unpriced
      FROM portfolio.positions p
      LEFT JOIN market.quotes q ON q.instrument_id = p.instrument_id
      WHERE p.quantity <> 0
        AND p.portfolio_id IN (${Prisma.join(portfolioIds.map((id) => Prisma.sql`${id}::uuid`))})
      GROUP BY p.portfolio_id`;
    const byPortfolio = new Map(
      rows.map((row) => [row.portfolioId, row.unpriced > 0n ? null : new Prisma.Decimal(row.pnl ?? 0)]),
    );
    return portfolioIds.map((id) =>
      byPortfolio.has(id) ? (byPortfolio.get(id) ?? null) : new Prisma.Decimal(0),
    );
  });
}
