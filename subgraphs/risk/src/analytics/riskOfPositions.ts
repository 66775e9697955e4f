import type { Decimal, PrismaClient } from '@mib/db';
import { badUserInput } from '@mib/errors';
import type { InstrumentCatalog } from '@mib/subgraph-kit';
import { maxDrawdown, type DrawdownEstimate } from './drawdown.js';
import { loadDailyCloses, loadHeldPositions, type DailyClose, type HeldPosition } from './heldPositions.js';
import { historicalValueAtRisk, type ValueAtRiskEstimate } from './valueAtRisk.js';

/** More daily candles than anyone keeps for one request (about eight years of trading days). */
const MAX_DAYS = 2_000;

function checkDays(days: number): void {
  if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS)
    throw badUserInput(`\`days\` must be between 1 and ${MAX_DAYS}`, 'days');
}

/** A held position with its USD rate (known) and its closes. */
interface PositionWithHistory {
  readonly position: HeldPosition;
  readonly usdRate: Decimal;
  readonly closes: readonly DailyClose[];
}

/**
 * Today's positions with their closes (a symbol outside the catalogue has none); null when one
 * has no USD rate, as an estimate that left it out would look complete.
 */
async function positionsWithHistory(
  services: { prisma: PrismaClient; catalog: InstrumentCatalog },
  userId: string,
  closes: number,
): Promise<PositionWithHistory[] | null> {
  const positions = await loadHeldPositions(services.prisma, services.catalog, userId);
  const rated = positions.flatMap((position) =>
    position.usdRate ? [{ position, usdRate: position.usdRate }] : [],
  );
  if (rated.length < positions.length) return null;
  const instrumentIds = positions.flatMap((position) =>
    position.instrumentId === null ? [] : [position.instrumentId],
  );
  const history = await loadDailyCloses(services.prisma, instrumentIds, closes);
  const none: DailyClose[] = [];
  return rated.map(({ position, usdRate }) => ({
    position,
    usdRate,
    closes: (position.instrumentId && history.get(position.instrumentId)) || none,
  }));
}

/**
 * `RiskProfile.valueAtRisk`: arguments checked, then historical simulation over D1 candles of
 * the positions' USD values; null when a position has no USD rate.
 */
export async function valueAtRiskOf(
  services: { prisma: PrismaClient; catalog: InstrumentCatalog },
  userId: string,
  confidence: number,
  days: number,
): Promise<(ValueAtRiskEstimate & { confidence: number }) | null> {
  if (!(confidence > 0 && confidence < 1))
    throw badUserInput('`confidence` must be between 0 and 1, exclusive', 'confidence');
  checkDays(days);
  // days returns need days + 1 closes.
  const held = await positionsWithHistory(services, userId, days + 1);
  if (!held) return null;
  const estimate = historicalValueAtRisk(
    held.map(({ position, usdRate, closes }) => ({
      value: usdRate.times(position.quantity).times(position.price).toNumber(),
      closes,
    })),
    confidence,
    days,
  );
  return estimate && { ...estimate, confidence };
}

/**
 * `RiskProfile.drawdown`: maximum drawdown in USD of today's positions over the last `days`
 * closes; null when a position has no USD rate.
 */
export async function drawdownOf(
  services: { prisma: PrismaClient; catalog: InstrumentCatalog },
  userId: string,
  days: number,
): Promise<DrawdownEstimate | null> {
  checkDays(days);
  const held = await positionsWithHistory(services, userId, days);
  return (
    held &&
    maxDrawdown(
      held.map(({ position, usdRate, closes }) => ({
        quantity: position.quantity.toNumber(),
        usdRate: usdRate.toNumber(),
        closes,
      })),
      days,
    )
  );
}
