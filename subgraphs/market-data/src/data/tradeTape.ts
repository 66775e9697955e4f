import DataLoader from 'dataloader';
import { Prisma, type PrismaClient } from '@mib/db';
import { badUserInput } from '@mib/errors';
import type { TapeTrade } from './marketRows.js';

export const MAX_TAPE_TRADES = 1000;
const DEFAULT_TAPE_TRADES = 50;

/** One instrument's page of the tape: its newest `first` trades executed before `before`. */
export interface TapePage {
  readonly instrumentId: string;
  readonly first: number;
  readonly before: Date | null;
}

/** Resolves each instrument's page of the tape, newest first. */
export type TradeTapeLoader = DataLoader<TapePage, TapeTrade[], string>;

/** The page `Instrument.trades(first, before)` asks for; BAD_USER_INPUT naming `first` when out of range. */
export function tapePage(
  instrumentId: string,
  args: { first?: number | null | undefined; before?: Date | null | undefined },
): TapePage {
  const first = args.first ?? DEFAULT_TAPE_TRADES;
  if (!Number.isInteger(first) || first < 1 || first > MAX_TAPE_TRADES)
    throw badUserInput(`\`first\` must be between 1 and ${MAX_TAPE_TRADES}`, 'first');
  return { instrumentId, first, before: args.before ?? null };
}

/** Pages that one statement can serve together: the same size and the same bound. */
const shapeOf = (page: TapePage) => `${page.first}|${page.before?.toISOString() ?? ''}`;
const cacheKeyOf = (page: TapePage) => `${page.instrumentId}|${shapeOf(page)}`;

/**
 * Batches `Instrument.trades` across the instruments of one request: the pages of every
 * instrument asked with the same `first` and `before` (a list of instruments, the usual case)
 * are one statement. A failing statement fails only the pages it served.
 */
export function createTradeTapeLoader(prisma: PrismaClient): TradeTapeLoader {
  return new DataLoader<TapePage, TapeTrade[], string>(
    async (pages) => {
      const groups = new Map<string, TapePage[]>();
      for (const page of pages) {
        const group = groups.get(shapeOf(page));
        if (group) group.push(page);
        else groups.set(shapeOf(page), [page]);
      }
      const results = new Map<string, TapeTrade[] | Error>();
      await Promise.all([...groups.values()].map((group) => loadGroup(prisma, group, results)));
      return pages.map((page) => results.get(cacheKeyOf(page)) ?? []);
    },
    { cacheKeyFn: cacheKeyOf },
  );
}

/** Runs one group's statement and files each instrument's page, or the failure, under its key. */
async function loadGroup(
  prisma: PrismaClient,
  group: readonly TapePage[],
  results: Map<string, TapeTrade[] | Error>,
): Promise<void> {
  const [sample] = group;
  if (!sample) return;
  const { first, before } = sample;
  const keyOf = (instrumentId: string) => cacheKeyOf({ instrumentId, first, before });
  const tapes = new Map(group.map((page) => [page.instrumentId, [] as TapeTrade[]]));
  try {
    for (const trade of await loadTapes(prisma, [...tapes.keys()], first, before)) {
      tapes.get(trade.instrumentId)?.push(trade);
    }
    for (const [instrumentId, trades] of tapes) results.set(keyOf(instrumentId), trades);
  } catch (error) {
    const failure = error instanceof Error ? error : new Error(String(error));
    for (const instrumentId of tapes.keys()) results.set(keyOf(instrumentId), failure);
  }
}

/**
 * The newest `first` trades of each instrument before `before`, in one statement: per instrument
 * a top-N scan of the (instrument_id, executed_at DESC, id DESC) index, so the cost grows with
 * the page, not with the tape. `id` (insertion order, the engine's order per instrument) orders
 * the trades of one millisecond.
 */
function loadTapes(
  prisma: PrismaClient,
  instrumentIds: readonly string[],
  first: number,
  before: Date | null,
): Promise<TapeTrade[]> {
  const bound = before ? Prisma.sql`AND t.executed_at < ${before.toISOString()}::timestamptz` : Prisma.empty;
  return prisma.$queryRaw<TapeTrade[]>`
    SELECT tape."instrumentId", tape.price, tape.quantity, tape."aggressorSide", tape."executedAt"
    FROM unnest(ARRAY[${Prisma.join(instrumentIds.map((id) => Prisma.sql`${id}::uuid`))}]) AS listed(instrument_id)
    CROSS JOIN LATERAL (
      SELECT t.id, t.instrument_id::text AS "instrumentId", t.price, t.quantity,
        t.aggressor_side::text AS "aggressorSide", t.executed_at AS "executedAt"
      FROM market.trades t
      WHERE t.instrument_id = listed.instrument_id ${bound}
      ORDER BY t.executed_at DESC, t.id DESC
      LIMIT ${first}
    ) AS tape
    ORDER BY tape."instrumentId", tape."executedAt" DESC, tape.id DESC`;
}
