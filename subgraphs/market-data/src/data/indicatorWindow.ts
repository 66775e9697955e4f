import type { CandleInterval, PrismaClient } from '@mib/db';
import { badUserInput } from '@mib/errors';
import type { Candle } from '../indicators/index.js';

export const MAX_INDICATOR_WINDOW = 1000;

/** The candles indicators are computed over, oldest first, as plain numbers. */
export interface IndicatorWindow {
  readonly openTimes: Date[];
  readonly candles: Candle[];
}

/** Loads the latest `last` candles of an interval for indicator computation. */
export async function loadIndicatorWindow(
  prisma: PrismaClient,
  instrumentId: string,
  args: { interval: CandleInterval; last?: number | null | undefined },
): Promise<IndicatorWindow> {
  const last = args.last ?? 200;
  if (!Number.isInteger(last) || last < 1 || last > MAX_INDICATOR_WINDOW)
    throw badUserInput(`\`last\` must be between 1 and ${MAX_INDICATOR_WINDOW}`, 'last');
  const rows = await prisma.candle.findMany({
    where: { instrumentId, interval: args.interval },
    orderBy: { openTime: 'desc' },
    take: last,
  });
  rows.reverse();
  return {
    openTimes: rows.map((row) => row.openTime),
    // Indicators are analytics over floating point; the stored candles stay exact.
    candles: rows.map((row) => ({
      high: row.high.toNumber(),
      low: row.low.toNumber(),
      close: row.close.toNumber(),
      volume: row.volume.toNumber(),
    })),
  };
}
