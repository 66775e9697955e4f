import DataLoader from 'dataloader';
import type { InstrumentCatalog } from '@mib/subgraph-kit';

/**
 * What this subgraph says of an order's or trade's instrument: its key, and its symbol when the
 * catalogue knows the instrument (orders hold only its id: the catalogue lives in market-data).
 */
export interface ProvidedInstrument {
  readonly id: string;
  readonly symbol?: string;
}

export type InstrumentOfOrderLoader = DataLoader<string, ProvidedInstrument>;

/**
 * The instruments of a request's orders and trades from the process's catalogue (one statement
 * for those it does not hold): `@provides(fields: "symbol")` lets the gateway take the symbol
 * from here instead of a second fetch to market-data. An instrument unknown to the catalogue
 * has no symbol, which fails only a query that asks for it (as market-data would).
 */
export function createInstrumentOfOrderLoader(catalog: InstrumentCatalog): InstrumentOfOrderLoader {
  return new DataLoader(async (ids) =>
    (await catalog.byInstrumentIds(ids)).map((instrument, index) =>
      instrument ? { id: instrument.id, symbol: instrument.symbol } : { id: ids[index] ?? '' },
    ),
  );
}
