import {
  Decimal,
  Prisma,
  type Instrument,
  type PriceAlert,
  type PriceAlertDirection,
  type PrismaClient,
} from '@mib/db';
import { badUserInput, notFound } from '@mib/errors';
import { unknownInstrument, withAdvisoryLock } from '@mib/subgraph-kit';
import { PRICE_ALERT_CAP } from './priceAlerts.js';

/**
 * The class of the advisory locks that serialise one user's alert creations (an arbitrary
 * constant, "PALR" in ASCII). With the user id's hash as the second key it lives in the
 * two-integer key space, apart from the watchlist's class and the single-key locks elsewhere.
 */
const PRICE_ALERT_LOCK_CLASS = 0x50414c52;

/** The largest price `market.price_alerts.price` (numeric(20, 8)) holds: 12 integer digits. */
const MAX_PRICE = new Decimal('999999999999.99999999');

/**
 * The alert price as stored: BAD_USER_INPUT naming `price` unless it is positive, fits the
 * column and is a whole number of the instrument's ticks (an alert between two ticks could
 * only ever fire on the tick past it, which is not what its owner asked for).
 */
export function checkAlertPrice(price: string, instrument: Pick<Instrument, 'symbol' | 'tickSize'>): Decimal {
  const value = new Decimal(price);
  if (value.lte(0)) throw badUserInput('An alert price must be positive', 'price');
  if (value.gt(MAX_PRICE))
    throw badUserInput(`An alert price must be at most ${MAX_PRICE.toFixed()}`, 'price');
  if (!value.mod(instrument.tickSize).isZero())
    throw badUserInput(
      `${instrument.symbol} trades in steps of ${instrument.tickSize.toFixed()}: the price must be a multiple of it`,
      'price',
    );
  return value;
}

/**
 * Stores a waiting alert of `userId`. The 101st waiting alert is BAD_USER_INPUT and nothing is
 * written: one user's creations are serialised by a transaction-scoped advisory lock, so two at
 * once cannot both pass the count.
 */
export async function createPriceAlert(
  prisma: PrismaClient,
  alert: { userId: string; instrumentId: string; direction: PriceAlertDirection; price: Decimal },
): Promise<PriceAlert> {
  try {
    return await withAdvisoryLock(
      prisma,
      { lockClass: PRICE_ALERT_LOCK_CLASS, key: alert.userId },
      async (tx) => {
        const waiting = await tx.priceAlert.count({ where: { userId: alert.userId, triggeredAt: null } });
        if (waiting >= PRICE_ALERT_CAP)
          throw badUserInput(
            `At most ${PRICE_ALERT_CAP} price alerts may wait at once: delete one before setting another`,
            'input',
          );
        return tx.priceAlert.create({ data: alert });
      },
    );
  } catch (error) {
    // The instrument was deleted after the catalogue (which keeps rows for a second) vouched for it.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2003')
      throw unknownInstrument(alert.instrumentId);
    throw error;
  }
}

/**
 * Deletes `userId`'s alert `id` and returns it. NOT_FOUND alike for an unknown id and for
 * another user's alert: the statement matches on both, so nobody learns whether an id exists.
 */
export async function deletePriceAlert(
  prisma: PrismaClient,
  userId: string,
  id: string,
): Promise<PriceAlert> {
  try {
    return await prisma.priceAlert.delete({ where: { id, userId } });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2025')
      throw notFound('PriceAlert', id);
    throw error;
  }
}
