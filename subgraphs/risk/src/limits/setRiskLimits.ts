import type { PrismaClient, RiskProfile } from '@mib/db';
import { Decimal } from '@mib/db';
import type { EngineClient } from '@mib/engine';
import { badUserInput, notFound } from '@mib/errors';
import { engineLimitsOf } from './engineLimits.js';
import { withRiskLimitsLock } from './riskLimitsLock.js';

export interface SetRiskLimitsInput {
  readonly maxOrderQuantity: string;
  readonly maxOrderNotional: string;
  readonly maxPositionNotional: string;
  readonly maxPosition: string;
  readonly maxOpenOrders: number;
  readonly priceBandBps: number;
}

/** Fractional digits the columns keep (prisma/schema.prisma): more would be silently rounded. */
const SCALE = { maxOrderQuantity: 8, maxOrderNotional: 4, maxPositionNotional: 4, maxPosition: 8 } as const;
/**
 * Largest values kept: the engine holds its limits as integers of 1e-8 units in doubles, exact up
 * to 2^53 units; NUMERIC(20, 4) keeps 16 digits before the point. Beyond them the engine refuses
 * the limits, or takes them and the database then fails to store them: INTERNAL either way.
 */
const ENGINE_MAXIMUM = new Decimal(Number.MAX_SAFE_INTEGER).dividedBy(1e8);
const MAXIMUM = {
  maxOrderQuantity: ENGINE_MAXIMUM,
  maxOrderNotional: ENGINE_MAXIMUM,
  maxPositionNotional: new Decimal('9999999999999999.9999'),
  maxPosition: ENGINE_MAXIMUM,
} as const;
/** The engine's counters are uint32; a band wider than 100 % would not bound anything. */
const MAX_OPEN_ORDERS = 1_000_000;
const MAX_PRICE_BAND_BPS = 10_000;

/**
 * Sets `userId`'s limits: validated, pushed to the engine's pre-trade checks on every shard (so
 * they apply to the next order), then stored. The engine goes first: a profile that says limits
 * are set when the engine never got them would be worse than a failed call, which the caller
 * can repeat. Both happen under the account's risk-limits lock, so the start-up push
 * (`pushStoredLimits`) cannot overwrite them with what it read before. Every engine limit is
 * sent, `maxPosition` included: one left out would arrive as "no limit" and lift the engine's
 * default cap. `maxPositionNotional` is not an engine check (the
 * engine limits positions in units, notional moves with the price): the risk monitor alerts on it
 * after each trade.
 */
export async function setRiskLimits(
  services: { prisma: PrismaClient; engine: EngineClient },
  userId: string,
  input: SetRiskLimitsInput,
): Promise<RiskProfile> {
  const limits = validLimits(input);
  if ((await services.prisma.user.count({ where: { id: userId } })) === 0) throw notFound('User', userId);
  return withRiskLimitsLock(services.prisma, userId, async (tx) => {
    await services.engine.setRiskLimits(engineLimitsOf(userId, limits));
    return tx.riskProfile.upsert({ where: { userId }, create: { userId, ...limits }, update: limits });
  });
}

function validLimits(input: SetRiskLimitsInput): SetRiskLimitsInput {
  for (const field of [
    'maxOrderQuantity',
    'maxOrderNotional',
    'maxPositionNotional',
    'maxPosition',
  ] as const) {
    const value = new Decimal(input[field]);
    if (value.lte(0)) throw badUserInput(`\`${field}\` must be positive`, field);
    if (value.decimalPlaces() > SCALE[field])
      throw badUserInput(`\`${field}\` takes at most ${SCALE[field]} decimal places`, field);
    if (value.gt(MAXIMUM[field]))
      throw badUserInput(`\`${field}\` must be at most ${MAXIMUM[field].toFixed()}`, field);
  }
  if (
    !Number.isInteger(input.maxOpenOrders) ||
    input.maxOpenOrders < 1 ||
    input.maxOpenOrders > MAX_OPEN_ORDERS
  )
    throw badUserInput(`\`maxOpenOrders\` must be between 1 and ${MAX_OPEN_ORDERS}`, 'maxOpenOrders');
  if (
    !Number.isInteger(input.priceBandBps) ||
    input.priceBandBps < 1 ||
    input.priceBandBps > MAX_PRICE_BAND_BPS
  )
    throw badUserInput(`\`priceBandBps\` must be between 1 and ${MAX_PRICE_BAND_BPS}`, 'priceBandBps');
  return {
    maxOrderQuantity: new Decimal(input.maxOrderQuantity).toFixed(),
    maxOrderNotional: new Decimal(input.maxOrderNotional).toFixed(),
    maxPositionNotional: new Decimal(input.maxPositionNotional).toFixed(),
    maxPosition: new Decimal(input.maxPosition).toFixed(),
    maxOpenOrders: input.maxOpenOrders,
    priceBandBps: input.priceBandBps,
  };
}
