import type { Instrument, PrismaClient } from '@mib/db';
import { badUserInput } from '@mib/errors';

/** What a trading domain needs to know of an instrument: its id, the engine's symbol, whether it trades. */
export type InstrumentRef = Pick<Instrument, 'id' | 'symbol' | 'active'>;

/** The error for an `instrumentId` argument of the right form that names no instrument. */
export const unknownInstrument = (instrumentId: string) =>
  badUserInput(`Instrument ${instrumentId} does not exist`, 'instrumentId');

interface CachedInstrument {
  readonly instrument: Instrument;
  readonly readAt: number;
}

/**
 * Read access to the instrument catalogue owned by market-data (`market.instruments`), kept in
 * memory. Orders, portfolio and risk turn the engine's symbols into instrument ids and back, and
 * market-data resolves an `Instrument` entity on nearly every federated query; reference data this
 * small and stable is read in place and remembered rather than read per request.
 * Entries are kept for `maxAgeMs`: ids and symbols never change, but an admin may halt trading,
 * and a halt must reach every process within that time (the process that wrote it calls
 * `remember` and sees it at once).
 */
export class InstrumentCatalog {
  private readonly bySymbol = new Map<string, CachedInstrument>();
  private readonly byId = new Map<string, CachedInstrument>();

  constructor(
    private readonly prisma: PrismaClient,
    private readonly maxAgeMs = 1_000,
  ) {}

  async byInstrumentId(id: string): Promise<Instrument | null> {
    const [instrument] = await this.byInstrumentIds([id]);
    return instrument ?? null;
  }

  async bySymbolName(symbol: string): Promise<Instrument | null> {
    const [instrument] = await this.bySymbolNames([symbol]);
    return instrument ?? null;
  }

  /** The instruments with these ids, in order (null where none); one statement for all misses. */
  byInstrumentIds(ids: readonly string[]): Promise<(Instrument | null)[]> {
    return this.lookUp(
      ids,
      this.byId,
      (instrument) => instrument.id,
      (missing) => this.prisma.instrument.findMany({ where: { id: { in: missing } } }),
    );
  }

  /** The instruments with these symbols, in order (null where none); one statement for all misses. */
  bySymbolNames(symbols: readonly string[]): Promise<(Instrument | null)[]> {
    return this.lookUp(
      symbols,
      this.bySymbol,
      (instrument) => instrument.symbol,
      (missing) => this.prisma.instrument.findMany({ where: { symbol: { in: missing } } }),
    );
  }

  /** Takes a row just read or written, e.g. by the mutation that halted its trading. */
  remember(instrument: Instrument): void {
    const cached = { instrument, readAt: Date.now() };
    this.bySymbol.set(instrument.symbol, cached);
    this.byId.set(instrument.id, cached);
  }

  private async lookUp(
    keys: readonly string[],
    index: Map<string, CachedInstrument>,
    keyOf: (instrument: Instrument) => string,
    load: (missing: string[]) => Promise<Instrument[]>,
  ): Promise<(Instrument | null)[]> {
    const now = Date.now();
    const found = new Map<string, Instrument>();
    const missing = new Set<string>();
    for (const key of keys) {
      const cached = index.get(key);
      if (cached && now - cached.readAt < this.maxAgeMs) found.set(key, cached.instrument);
      else missing.add(key);
    }
    if (missing.size > 0) {
      for (const instrument of await load([...missing])) {
        this.remember(instrument);
        found.set(keyOf(instrument), instrument);
      }
    }
    return keys.map((key) => found.get(key) ?? null);
  }
}
