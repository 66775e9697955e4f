import DataLoader from 'dataloader';
import type { Instrument } from '@mib/db';
import type { InstrumentCatalog } from '@mib/subgraph-kit';

export interface InstrumentLoaders {
  readonly instrumentById: DataLoader<string, Instrument | null>;
  readonly instrumentBySymbol: DataLoader<string, Instrument | null>;
}

/**
 * Batches instrument lookups by either key (`@key(fields: "id")` and `@key(fields: "symbol")`)
 * within a request, over the process's catalogue: what it does not hold fresh is one query per
 * key per request.
 */
export function createInstrumentLoaders(catalog: InstrumentCatalog): InstrumentLoaders {
  return {
    instrumentById: new DataLoader((ids) => catalog.byInstrumentIds(ids)),
    instrumentBySymbol: new DataLoader((symbols) => catalog.bySymbolNames(symbols)),
  };
}
