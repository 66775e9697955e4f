import DataLoader from 'dataloader';
import type { Instrument, PrismaClient } from '@mib/db';
import type { InstrumentLoaders } from './instrumentLoaders.js';

/** Instruments one user's watchlist holds at most: what `User.watchlist`'s `@listSize` assumes. */
export const WATCHLIST_CAP = 200;

/** The instrument ids on each user's watchlist, in the order added. */
export type WatchlistLoader = DataLoader<string, readonly string[]>;

/**
 * Batches `User.watchlist` across the users of one request (an admin's list of users, the
 * gateway's `_entities` call): one statement for all of them, along the (user, added) index.
 */
export function createWatchlistLoader(prisma: PrismaClient): WatchlistLoader {
  return new DataLoader(async (userIds) => {
    const entries = await prisma.watchlistEntry.findMany({
      where: { userId: { in: [...userIds] } },
      select: { userId: true, instrumentId: true },
      orderBy: [{ userId: 'asc' }, { addedAt: 'asc' }],
    });
    const lists = new Map(userIds.map((userId) => [userId, [] as string[]]));
    for (const entry of entries) lists.get(entry.userId)?.push(entry.instrumentId);
    return userIds.map((userId) => lists.get(userId) ?? []);
  });
}

/**
 * The instruments on `userId`'s watchlist, in the order added: the ids through the request's
 * watchlist loader, the rows through its instrument loader (the process's catalogue), so many
 * users' lists cost one statement each, not one per user or per instrument.
 */
export async function instrumentsOnWatchlist(
  loaders: { readonly watchlistOf: WatchlistLoader } & Pick<InstrumentLoaders, 'instrumentById'>,
  userId: string,
): Promise<Instrument[]> {
  const instrumentIds = await loaders.watchlistOf.load(userId);
  const instruments = await Promise.all(instrumentIds.map((id) => loaders.instrumentById.load(id)));
  // An instrument deleted since the entries were read is gone from the list (its entries too).
  return instruments.filter((instrument) => instrument !== null);
}
