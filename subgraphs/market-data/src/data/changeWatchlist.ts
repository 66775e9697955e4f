import { Prisma, type PrismaClient } from '@mib/db';
import { badUserInput } from '@mib/errors';
import { unknownInstrument, withAdvisoryLock } from '@mib/subgraph-kit';
import { WATCHLIST_CAP } from './watchlists.js';

/**
 * The class of the advisory locks that serialise changes to one user's watchlist (an arbitrary
 * constant, "WTCH" in ASCII). With the user id's hash as the second key, it lives in the
 * two-integer key space, apart from the single-key locks of migrations and the other domains.
 */
const WATCHLIST_LOCK_CLASS = 0x57544348;

/**
 * Puts `instrumentId` at the end of `userId`'s watchlist; one already listed keeps its place.
 * A full list (`WATCHLIST_CAP`) is BAD_USER_INPUT and nothing is written.
 *
 * The user's adds are serialised by a transaction-scoped advisory lock, so two at once cannot
 * both pass the cap check, and each entry's `addedAt` is made later than the list's newest
 * (even within one millisecond, or with the clock stepping back): it alone orders the list.
 */
export async function addToWatchlist(
  prisma: PrismaClient,
  userId: string,
  instrumentId: string,
): Promise<void> {
  try {
    await withAdvisoryLock(prisma, { lockClass: WATCHLIST_LOCK_CLASS, key: userId }, async (tx) => {
      const listed = await tx.watchlistEntry.findUnique({
        where: { userId_instrumentId: { userId, instrumentId } },
        select: { userId: true },
      });
      if (listed) return;
      const list = await tx.watchlistEntry.aggregate({
        where: { userId },
        _count: true,
        _max: { addedAt: true },
      });
      if (list._count >= WATCHLIST_CAP)
        throw badUserInput(
          `A watchlist holds at most ${WATCHLIST_CAP} instruments: remove one before adding another`,
          'instrumentId',
        );
      const newest = list._max.addedAt?.getTime() ?? Number.NEGATIVE_INFINITY;
      const addedAt = new Date(Math.max(Date.now(), newest + 1));
      await tx.watchlistEntry.create({ data: { userId, instrumentId, addedAt } });
    });
  } catch (error) {
    // The instrument was deleted after the catalogue (which keeps rows for a second) vouched for it.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2003')
      throw unknownInstrument(instrumentId);
    throw error;
  }
}

/** Takes `instrumentId` off `userId`'s watchlist; one not listed is no change. */
export async function removeFromWatchlist(
  prisma: PrismaClient,
  userId: string,
  instrumentId: string,
): Promise<void> {
  await prisma.watchlistEntry.deleteMany({ where: { userId, instrumentId } });
}
