import DataLoader from 'dataloader';
import { Prisma, type PrismaClient } from '@mib/db';
import type { CurrencyAmount } from '@mib/subgraph-kit';
import { groupByKey } from './groupByKey.js';

/**
 * A portfolio's position sums in each instrument currency it holds, exact. `unrealizedPnl` and
 * `marketValue` are null when an open position has no market price (a partial sum would look
 * complete), or its instrument is not in the catalogue (its currency is unknown then); so is
 * `realizedPnl` for such an instrument.
 */
export interface PositionTotals {
  readonly realizedPnl: CurrencyAmount[] | null;
  readonly unrealizedPnl: CurrencyAmount[] | null;
  readonly marketValue: CurrencyAmount[] | null;
}

export type PositionTotalsLoader = DataLoader<string, PositionTotals>;

/**
 * The market price of `marketPriceLoader.ts` (`markPriceOf`), in SQL. The mid is `* 0.5`, which
 * is exact: PostgreSQL's `/ 2` keeps only 8 decimals of a price of 10⁹ or more.
 */
const MARKET_PRICE_SQL = Prisma.sql`COALESCE(q.last, (q.bid + q.ask) * 0.5)`;

interface CurrencyRow {
  portfolioId: string;
  currency: string | null;
  realizedPnl: Prisma.Decimal;
  unrealizedPnl: Prisma.Decimal | null;
  marketValue: Prisma.Decimal | null;
  unpriced: bigint;
}

const NO_POSITIONS: PositionTotals = { realizedPnl: [], unrealizedPnl: [], marketValue: [] };

/**
 * Realized and unrealized P&L and market value of many portfolios' positions in one grouped
 * query, summed by PostgreSQL in exact `numeric` per portfolio and currency (the instrument's,
 * from `market.instruments`, owned by market-data and read here read-only).
 */
export function createPositionTotalsLoader(prisma: PrismaClient): PositionTotalsLoader {
  return new DataLoader(async (portfolioIds) => {
    const rows = await prisma.$queryRaw<CurrencyRow[]>`
      SELECT p.portfolio_id::text AS "portfolioId",
             i.currency,
             SUM(p.realized_pnl) AS "realizedPnl",
             SUM((${MARKET_PRICE_SQL} - p.average_cost) * p.quantity) FILTER (WHERE p.quantity <> 0) AS "unrealizedPnl",
             SUM(${MARKET_PRICE_SQL} * p.quantity) FILTER (WHERE p.quantity <> 0) AS "marketValue",
             COUNT(*) FILTER (WHERE p.quantity <> 0 AND ${MARKET_PRICE_SQL} IS NULL) AS unpriced
      FROM portfolio.positions p
      LEFT JOIN market.instruments i ON i.id = p.instrument_id
      LEFT JOIN market.quotes q ON q.instrument_id = p.instrument_id
      WHERE p.portfolio_id IN (${Prisma.join(portfolioIds.map((id) => Prisma.sql`${id}::uuid`))})
      GROUP BY p.portfolio_id, i.currency`;
    const byPortfolio = groupByKey(rows, (row) => row.portfolioId);
    return portfolioIds.map((id) => totalsOf(byPortfolio.get(id) ?? []));
  });
}

function totalsOf(rows: readonly CurrencyRow[]): PositionTotals {
  if (rows.length === 0) return NO_POSITIONS;
  if (rows.some((row) => row.currency === null))
    return { realizedPnl: null, unrealizedPnl: null, marketValue: null };
  const priced = rows.every((row) => row.unpriced === 0n);
  const amounts = (amountOf: (row: CurrencyRow) => Prisma.Decimal | null): CurrencyAmount[] =>
    rows.map((row) => ({ currency: row.currency ?? '', amount: amountOf(row) ?? new Prisma.Decimal(0) }));
  return {
    realizedPnl: amounts((row) => row.realizedPnl),
    unrealizedPnl: priced ? amounts((row) => row.unrealizedPnl) : null,
    marketValue: priced ? amounts((row) => row.marketValue) : null,
  };
}
