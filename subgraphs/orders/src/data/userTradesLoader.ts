import { Prisma, type PrismaClient, type Trade } from '@mib/db';
import { createPageLoader, type PageLoader } from '@mib/subgraph-kit';

/** `User.trades(instrumentId:)`: only trades of this instrument; null for all. */
export type InstrumentFilter = string | null;

/**
 * A trade as listed for one user. A trade between two users is a row for each when both are
 * asked for in one batch; a self-trade is one row.
 */
export type UserTrade = Trade & { readonly userId: string };

/** Resolves one user's page of trades plus one row (see `toConnection`), newest first. */
export type UserTradesLoader = PageLoader<UserTrade, InstrumentFilter>;

/**
 * Batches `User.trades` across the users of one request: the first pages of every user with the
 * same filter and size are one statement, and so is each page (a user's first, or one after a
 * cursor).
 */
export function createUserTradesLoader(prisma: PrismaClient): UserTradesLoader {
  return createPageLoader<UserTrade, InstrumentFilter>({
    loadFirstPages: (userIds, instrumentId, take) => loadFills(prisma, userIds, { instrumentId, take }),
    loadPage: (userId, instrumentId, page) =>
      loadFills(prisma, [userId], { instrumentId, take: page.take, after: page.cursor?.id }),
    parentOf: (trade) => trade.userId,
  });
}

/**
 * Every column of `orders.trades` under its Prisma field name, so raw rows are `Trade`s (the
 * loader's test compares them with Prisma's own reads). Add a column here when the model gets one.
 */
const TRADE_COLUMNS = Prisma.sql`t.id, t.instrument_id AS "instrumentId", t.buy_order_id AS "buyOrderId",
  t.sell_order_id AS "sellOrderId", t.price, t.quantity, t.executed_at AS "executedAt",
  t.engine_trade_id AS "engineTradeId", t.engine_shard AS "engineShard"`;

interface FillsQuery {
  readonly instrumentId: InstrumentFilter;
  /** Rows per user, newest first. */
  readonly take: number;
  /** The id of the trade the page starts after (excluded), from the cursor. */
  readonly after?: string | undefined;
}

/**
 * Up to `take` trades of each user, newest first by (executed_at, id), in one statement. A user's
 * trades are those of their orders on either side, so per user it is the union of two joins,
 * each served by indexes: the user's orders from (user_id, created_at DESC, id), their trades
 * from trades(buy_order_id) or trades(sell_order_id). Each branch keeps only its newest `take`
 * before the union (which also folds a self-trade's two rows into one). The cost grows with the
 * user's orders and trades, not with the table. A cursor is a keyset bound on (executed_at, id):
 * a cursor naming no trade gives an empty page, as Prisma's cursor does.
 */
async function loadFills(
  prisma: PrismaClient,
  userIds: readonly string[],
  { instrumentId, take, after }: FillsQuery,
): Promise<UserTrade[]> {
  // On the order too: a trade has its orders' instrument, and the (user, instrument) index of
  // orders then reads only the user's orders of that instrument.
  const instrument = instrumentId
    ? Prisma.sql`AND o.instrument_id = ${instrumentId}::uuid AND t.instrument_id = ${instrumentId}::uuid`
    : Prisma.empty;
  const cursor = after
    ? Prisma.sql`AND (t.executed_at, t.id) < (SELECT executed_at, id FROM orders.trades WHERE id = ${after}::uuid)`
    : Prisma.empty;
  const side = (orderColumn: Prisma.Sql) => Prisma.sql`(
    SELECT ${TRADE_COLUMNS}, o.user_id::text AS "userId"
    FROM orders.orders o JOIN orders.trades t ON ${orderColumn} = o.id
    WHERE o.user_id = owner.user_id ${instrument} ${cursor}
    ORDER BY t.executed_at DESC, t.id DESC
    LIMIT ${take})`;
  return prisma.$queryRaw<UserTrade[]>`
    SELECT fills.* FROM unnest(ARRAY[${Prisma.join(userIds.map((id) => Prisma.sql`${id}::uuid`))}]) AS owner(user_id)
    CROSS JOIN LATERAL (
      SELECT * FROM (${side(Prisma.sql`t.buy_order_id`)} UNION ${side(Prisma.sql`t.sell_order_id`)}) AS mine
      ORDER BY "executedAt" DESC, id DESC
      LIMIT ${take}
    ) AS fills
    ORDER BY fills."userId", fills."executedAt" DESC, fills.id DESC`;
}
