import DataLoader from 'dataloader';
import type { Instrument, PrismaClient } from '@mib/db';

export interface InstrumentLoaders {
  readonly instrumentById: DataLoader<string, Instrument | null>;
  readonly instrumentBySymbol: DataLoader<string, Instrument | null>;
}

/**
 * Batches instrument lookups by either key (`@key(fields: "id")` and `@key(fields: "symbol")`)
 * into one query per key per request, and primes the other loader with what each one finds.
 */
export function createInstrumentLoaders(prisma: PrismaClient): InstrumentLoaders {
  const instrumentById: DataLoader<string, Instrument | null> = new DataLoader(async (ids) => {
    const rows = await prisma.instrument.findMany({ where: { id: { in: [...ids] } } });
    for (const row of rows) instrumentBySymbol.prime(row.symbol, row);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
  const instrumentBySymbol: DataLoader<string, Instrument | null> = new DataLoader(async (symbols) => {
    const rows = await prisma.instrument.findMany({ where: { symbol: { in: [...symbols] } } });
    for (const row of rows) instrumentById.prime(row.id, row);
    const bySymbol = new Map(rows.map((row) => [row.symbol, row]));
    return symbols.map((symbol) => bySymbol.get(symbol) ?? null);
  });
  return { instrumentById, instrumentBySymbol };
}
