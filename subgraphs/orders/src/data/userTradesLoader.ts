import { Prisma, type PrismaClient, type Trade } from '@mib/db';
import { createPageLoader, type PageLoader } from '@mib/subgraph-kit';

/** `User.trades(instrumentId:)`: only trades of this instrument; null for all. */
export type InstrumentFilter = string | null;

/**
 * A trade as listed for one user, whose side `Trade.side` then tells. A trade between two users is
 * a row for each when both are asked for in one batch; a self-trade is one row.
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
      loadFills(prisma, [userId], { instrumentId, take: page.take, after: page.afterId }),
    parentOf: (trade) => trade.userId,
  });
}

/**
 * Every column of `orders.trades` under its Prisma field name, so raw rows are `Trade`s (the
 * loader's test compares them with Prisma's own reads). Add a column here when the model gets one.
 */
const TRADE_COLUMNS = Prisma.sql`t.id, t.instrument_id AS "instrumentId", t.buy_order_id AS "buyOrderId",
  t.sell_order_id AS "sellOrderId", t.price, t.quantity, t.executed_at AS "executedAt",
  t.engine_trade_id AS "engineTradeId", t.engine_shard AS "engineShard",
  t.buyer_user_id AS "buyerUserId", t.seller_user_id AS "sellerUserId"`;

/** Where a trade without an engine trade id sorts among numbered ones: as NULL does, above all. */
const UNNUMBERED = Prisma.sql`9223372036854775807::bigint`;

interface FillsQuery {
  readonly instrumentId: InstrumentFilter;
  /** Rows per user, newest first. */
  readonly take: number;
  /** The id of the trade the page starts after (excluded), from the cursor. */
  readonly after?: string | undefined;
}

/**
 * Up to `take` trades of each user, newest first, in one statement. Newest first is by
 * (executed_at, engine_trade_id, id) descending: the fills of one command share a millisecond, and
 * the engine's trade ids (increasing per shard; one shard per instrument) put them in execution
 * order; a trade without one (recorded before the engine) comes first in its millisecond, as
 * PostgreSQL sorts NULL in descending order, and ties left are broken by id, so the order is total.
 *
 * A user's trades are those where they are the buyer or the seller (owners copied onto the trade),
 * so per user it is two index ranges, trades(buyer_user_id, executed_at DESC, id DESC) and the
 * seller's twin (with instrument_id after the user when filtered), each read only as far as its
 * newest `take` (the index gives executed_at order; PostgreSQL sorts only the trades that share a
 * millisecond, an incremental sort) and merged in order: a page costs a few index reads however
 * many trades the user has. A self-trade comes from the buyer's side only, so it is one row.
 *
 * A cursor is a keyset bound on that order, a trade without an engine id compared as the largest
 * one (where NULL sorts); PostgreSQL starts the index range from its leading executed_at. A cursor
 * naming no trade gives an empty page, as `pageWhere` does.
 */
async function loadFills(
  prisma: PrismaClient,
  userIds: readonly string[],
  { instrumentId, take, after }: FillsQuery,
): Promise<UserTrade[]> {
  const instrument = instrumentId ? Prisma.sql`AND t.instrument_id = ${instrumentId}::uuid` : Prisma.empty;
  const cursor = after
    ? Prisma.sql`AND (t.executed_at, COALESCE(t.engine_trade_id, ${UNNUMBERED}), t.id) <
        (SELECT executed_at, COALESCE(engine_trade_id, ${UNNUMBERED}), id FROM orders.trades WHERE id = ${after}::uuid)`
    : Prisma.empty;
  const side = (owner: Prisma.Sql, exclude: Prisma.Sql) => Prisma.sql`(
    SELECT ${TRADE_COLUMNS}, owner.user_id::text AS "userId"
    FROM orders.trades t
    WHERE ${owner} = owner.user_id ${exclude} ${instrument} ${cursor}
    ORDER BY t.executed_at DESC, t.engine_trade_id DESC, t.id DESC
    LIMIT ${take})`;
  const bought = side(Prisma.sql`t.buyer_user_id`, Prisma.empty);
  const sold = side(Prisma.sql`t.seller_user_id`, Prisma.sql`AND t.buyer_user_id <> owner.user_id`);
  return prisma.$queryRaw<UserTrade[]>`
    SELECT fills.* FROM unnest(ARRAY[${Prisma.join(userIds.map((id) => Prisma.sql`${id}::uuid`))}]) AS owner(user_id)
    CROSS JOIN LATERAL (
      SELECT * FROM (${bought} UNION ALL ${sold}) AS mine
      ORDER BY "executedAt" DESC, "engineTradeId" DESC, id DESC
      LIMIT ${take}
    ) AS fills
    ORDER BY fills."userId", fills."executedAt" DESC, fills."engineTradeId" DESC, fills.id DESC`;
}
