import type { Prisma } from '../generated/prisma/client.js';
import { DEMO_AS_OF, demoInstrumentId } from './demoIds.js';
import { DEMO_INSTRUMENTS } from './demoInstruments.js';
import { demoCandles, demoPrints, demoQuote } from './demoPrices.js';

/** Daily bars for a month and hourly bars for the last day, per instrument. */
export const DEMO_DAILY_CANDLES = 30;
export const DEMO_HOURLY_CANDLES = 24;
/** Prints on each instrument's tape, the last one the demo quote's last trade. */
export const DEMO_TAPE_PRINTS = 12;

/**
 * Instruments are reference data: reseeding restores their catalogue values. Quotes, candles and
 * the tape are market state the engine moves on: they are created when missing, never reset.
 */
export async function seedMarket(tx: Prisma.TransactionClient): Promise<void> {
  for (const instrument of DEMO_INSTRUMENTS) {
    const id = demoInstrumentId(instrument.symbol);
    const catalogue = {
      symbol: instrument.symbol,
      name: instrument.name,
      assetClass: instrument.assetClass,
      currency: instrument.currency,
      tickSize: instrument.tickSize,
      lotSize: instrument.lotSize,
      active: true,
    };
    await tx.instrument.upsert({ where: { id }, create: { id, ...catalogue }, update: catalogue });
    await tx.quote.upsert({
      where: { instrumentId: id },
      create: { instrumentId: id, ...demoQuote(instrument), updatedAt: DEMO_AS_OF },
      update: {},
    });
  }

  await tx.candle.createMany({
    data: DEMO_INSTRUMENTS.flatMap((instrument) =>
      [
        ...demoCandles(instrument, 'D1', DEMO_DAILY_CANDLES, DEMO_AS_OF),
        ...demoCandles(instrument, 'H1', DEMO_HOURLY_CANDLES, DEMO_AS_OF),
      ].map((candle) => ({ instrumentId: demoInstrumentId(instrument.symbol), ...candle })),
    ),
    skipDuplicates: true,
  });

  // Prints have no natural key (they come before the engine, so no engine trade id): an
  // instrument gets its demo tape only while its tape is empty. Oldest first, so ids follow time.
  const taped = await tx.marketTrade.groupBy({ by: ['instrumentId'] });
  const hasTape = new Set(taped.map((group) => group.instrumentId));
  await tx.marketTrade.createMany({
    data: DEMO_INSTRUMENTS.filter((instrument) => !hasTape.has(demoInstrumentId(instrument.symbol))).flatMap(
      (instrument) =>
        demoPrints(instrument, DEMO_TAPE_PRINTS, DEMO_AS_OF).map((print) => ({
          instrumentId: demoInstrumentId(instrument.symbol),
          ...print,
        })),
    ),
  });
}
