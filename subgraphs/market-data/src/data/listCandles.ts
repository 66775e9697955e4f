import type { CandleInterval, PrismaClient } from '@mib/db';
import { badUserInput } from '@mib/errors';

export const MAX_CANDLES = 1000;

/** The newest `first` candles of one interval that opened before `before` (exclusive). */
export function listCandles(
  prisma: PrismaClient,
  instrumentId: string,
  args: { interval: CandleInterval; first?: number | null | undefined; before?: Date | null | undefined },
) {
  const first = args.first ?? 100;
  if (!Number.isInteger(first) || first < 1 || first > MAX_CANDLES)
    throw badUserInput(`\`first\` must be between 1 and ${MAX_CANDLES}`, 'first');
  return prisma.candle.findMany({
    where: {
      instrumentId,
      interval: args.interval,
      ...(args.before ? { openTime: { lt: args.before } } : {}),
    },
    orderBy: { openTime: 'desc' },
    take: first,
  });
}
