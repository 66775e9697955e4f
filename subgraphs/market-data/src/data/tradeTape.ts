import { Prisma, type PrismaClient } from '@mib/db';
import { badUserInput } from '@mib/errors';
import {
  createPageLoader,
  toConnection,
  type Connection,
  type ConnectionArguments,
  type PageKey,
  type PageLoader,
  type PageQuery,
} from '@mib/subgraph-kit';
import type { TapeTrade } from './marketRows.js';

export const MAX_TAPE_TRADES = 1000;
const DEFAULT_TAPE_TRADES = 50;

/**
 * A trade of the tape with its position: `id` is the `market.trades` bigserial in decimal (a
 * string, as `toConnection` makes cursors of it), the tie-break between trades of one millisecond.
 */
export type TapeRow = TapeTrade & { readonly id: string };

/** Resolves each instrument's page of the tape plus one row (see `toConnection`), newest first. */
export type TradeTapeLoader = PageLoader<TapeRow, null>;

/** The largest bigserial: a larger number is no trade's id. */
const MAX_TRADE_ID = 2n ** 63n - 1n;
const TRADE_ID_PATTERN = /^[1-9][0-9]{0,18}$/;

/**
 * The trade id a tape cursor names (`toConnection` encodes it, base64url of the decimal id):
 * BAD_USER_INPUT naming `after` for anything else. The kit's `decodeCursor` reads UUIDs only.
 */
function tradeIdOfCursor(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!TRADE_ID_PATTERN.test(id) || BigInt(id) > MAX_TRADE_ID)
    throw badUserInput('`after` is not a cursor returned by this API', 'after');
  return id;
}

/**
 * The page `Instrument.trades(first, after)` asks for, as `pageQuery` makes it but with the tape's
 * limits (`first` 1–1000) and cursors; BAD_USER_INPUT naming the argument at fault.
 */
export function tapePage(instrumentId: string, args: ConnectionArguments): PageKey<null> {
  const first = args.first ?? DEFAULT_TAPE_TRADES;
  if (!Number.isInteger(first) || first < 1 || first > MAX_TAPE_TRADES)
    throw badUserInput(`\`first\` must be between 1 and ${MAX_TAPE_TRADES}`, 'first');
  const take = first + 1;
  const page: PageQuery = args.after ? { take, afterId: tradeIdOfCursor(args.after) } : { take };
  return { parentId: instrumentId, filter: null, page };
}

/** `Instrument.trades`: one instrument's page of the tape as a connection. */
export async function tapeConnection(
  tradeTape: TradeTapeLoader,
  instrumentId: string,
  args: ConnectionArguments,
): Promise<Connection<TapeRow>> {
  const key = tapePage(instrumentId, args);
  return toConnection(await tradeTape.load(key), key.page);
}

/**
 * Batches `Instrument.trades` across the instruments of one request: the first pages of every
 * instrument asked with the same `first` (a list of instruments, the usual case) are one
 * statement, and so is each page after a cursor.
 */
export function createTradeTapeLoader(prisma: PrismaClient): TradeTapeLoader {
  return createPageLoader<TapeRow, null>({
    loadFirstPages: (instrumentIds, _filter, take) => loadTapes(prisma, instrumentIds, take),
    loadPage: (instrumentId, _filter, page) => loadTapes(prisma, [instrumentId], page.take, page.afterId),
    parentOf: (trade) => trade.instrumentId,
  });
}

/**
 * The newest `take` trades of each instrument, after the trade `afterId` when given, in one
 * statement: per instrument a top-N scan of the (instrument_id, executed_at DESC, id DESC) index
 * from the keyset bound, so the cost grows with the page, not with the tape. `id` (insertion
 * order, the engine's order per instrument) orders the trades of one millisecond, so a page
 * boundary inside a sweep neither skips nor repeats a trade. A cursor naming no trade gives an
 * empty page, as `pageWhere` does.
 */
function loadTapes(
  prisma: PrismaClient,
  instrumentIds: readonly string[],
  take: number,
  afterId?: string,
): Promise<TapeRow[]> {
  const bound = afterId
    ? // The cursor's trade must be of the same instrument: another's bounds nothing here (an empty page).
      Prisma.sql`AND (t.executed_at, t.id) < (SELECT executed_at, id FROM market.trades WHERE id = ${afterId}::bigint AND instrument_id = listed.instrument_id)`
    : Prisma.empty;
  // `tape.id` below is the lateral's bigint (a qualified name never means an output column), so
  // the order is numeric although the row carries the id as text.
  return prisma.$queryRaw<TapeRow[]>`
    SELECT tape.id::text AS id, tape."instrumentId", tape.price, tape.quantity, tape."aggressorSide",
      tape."executedAt"
    FROM unnest(ARRAY[${Prisma.join(instrumentIds.map((id) => Prisma.sql`${id}::uuid`))}]) AS listed(instrument_id)
    CROSS JOIN LATERAL (
      SELECT t.id, t.instrument_id::text AS "instrumentId", t.price, t.quantity,
        t.aggressor_side::text AS "aggressorSide", t.executed_at AS "executedAt"
      FROM market.trades t
      WHERE t.instrument_id = listed.instrument_id ${bound}
      ORDER BY t.executed_at DESC, t.id DESC
      LIMIT ${take}
    ) AS tape
    ORDER BY tape."instrumentId", tape."executedAt" DESC, tape.id DESC`;
}
