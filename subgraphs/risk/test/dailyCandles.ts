import type { PrismaClient } from '@mib/db';

/**
 * One D1 candle per close, on consecutive days from 2 November 2026, for each instrument id: the
 * history VaR and drawdown read.
 */
export async function createDailyCloses(
  prisma: PrismaClient,
  closesByInstrumentId: Readonly<Record<string, readonly number[]>>,
): Promise<void> {
  await prisma.candle.createMany({
    data: Object.entries(closesByInstrumentId).flatMap(([instrumentId, series]) =>
      series.map((close, index) => ({
        instrumentId,
        interval: 'D1' as const,
        openTime: new Date(Date.UTC(2026, 10, 2 + index)),
        open: close,
        high: close,
        low: close,
        close,
        volume: 1,
      })),
    ),
  });
}
