import DataLoader from 'dataloader';
import type { Instrument } from '@mib/db';
import type { InstrumentCatalog } from '@mib/subgraph-kit';

export type InstrumentLoader = DataLoader<string, Instrument | null>;

/**
 * Instruments of one request's positions by id, from the process's catalogue: a page of positions
 * asks for all its instruments the catalogue does not hold in one statement, not one each.
 */
export const createInstrumentLoader = (catalog: InstrumentCatalog): InstrumentLoader =>
  new DataLoader((ids) => catalog.byInstrumentIds(ids));
