import type { PrismaClient } from '@mib/db';
import { badUserInput } from '@mib/errors';
import type { InstrumentCatalog } from '@mib/subgraph-kit';
import { maxDrawdown, type DrawdownEstimate } from './drawdown.js';
import { loadDailyCloses, loadHeldPositions, type DailyClose } from './heldPositions.js';
import { historicalValueAtRisk, type ValueAtRiskEstimate } from './valueAtRisk.js';

/** More daily candles than anyone keeps for one request (about eight years of trading days). */
const MAX_DAYS = 2_000;

function checkDays(days: number): void {
  if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS)
    throw badUserInput(`\`days\` must be between 1 and ${MAX_DAYS}`, 'days');
}

/** Today's positions with their closes; a symbol outside the catalogue has no history. */
async function positionsWithHistory(
  services: { prisma: PrismaClient; catalog: InstrumentCatalog },
  userId: string,
  closes: number,
) {
  const positions = await loadHeldPositions(services.prisma, services.catalog, userId);
  const instrumentIds = positions.flatMap((position) =>
    position.instrumentId === null ? [] : [position.instrumentId],
  );
  const history = await loadDailyCloses(services.prisma, instrumentIds, closes);
  const none: DailyClose[] = [];
  return positions.map((position) => ({
    position,
    closes: (position.instrumentId && history.get(position.instrumentId)) || none,
  }));
}

/** `RiskProfile.valueAtRisk`: arguments checked, then historical simulation over D1 candles. */
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
  const estimate = historicalValueAtRisk(
    held.map(({ position, closes }) => ({
      value: position.quantity.times(position.price).toNumber(),
      closes,
    })),
    confidence,
    days,
  );
  return estimate && { ...estimate, confidence };
}

/** `RiskProfile.drawdown`: maximum drawdown of today's positions over the last `days` closes. */
export async function drawdownOf(
  services: { prisma: PrismaClient; catalog: InstrumentCatalog },
  userId: string,
  days: number,
): Promise<DrawdownEstimate | null> {
  checkDays(days);
  const held = await positionsWithHistory(services, userId, days);
  return maxDrawdown(
    held.map(({ position, closes }) => ({ quantity: position.quantity.toNumber(), closes })),
    days,
  );
}
