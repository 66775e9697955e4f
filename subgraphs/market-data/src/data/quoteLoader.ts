import DataLoader from 'dataloader';
import type { PrismaClient, Quote } from '@mib/db';

export type QuoteLoader = DataLoader<string, Quote | null>;

/** The latest quote of many instruments in one query. */
export function createQuoteLoader(prisma: PrismaClient): QuoteLoader {
  return new DataLoader(async (instrumentIds) => {
    const quotes = await prisma.quote.findMany({ where: { instrumentId: { in: [...instrumentIds] } } });
    const byInstrument = new Map(quotes.map((quote) => [quote.instrumentId, quote]));
    return instrumentIds.map((id) => byInstrument.get(id) ?? null);
  });
}
