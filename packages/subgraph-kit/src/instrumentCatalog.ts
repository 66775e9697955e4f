import type { PrismaClient } from '@mib/db';

/** What a trading domain needs to know of an instrument: its id, the engine's symbol, whether it trades. */
export interface InstrumentRef {
  readonly id: string;
  readonly symbol: string;
  readonly active: boolean;
}

interface CachedRef {
  readonly ref: InstrumentRef;
  readonly readAt: number;
}

/**
 * Read-only access to the instrument catalogue owned by market-data (`market.instruments`).
 * Orders, portfolio and risk turn the engine's symbols into instrument ids and back; reference
 * data this small and stable is read in place rather than replicated.
 * Entries are kept for `maxAgeMs`: ids and symbols never change, but an admin may halt trading,
 * and a halt must reach the orders subgraph within that time.
 */
export class InstrumentCatalog {
  private readonly bySymbol = new Map<string, CachedRef>();
  private readonly byId = new Map<string, CachedRef>();

  constructor(
    private readonly prisma: PrismaClient,
    private readonly maxAgeMs = 1_000,
  ) {}

  async byInstrumentId(id: string): Promise<InstrumentRef | null> {
    const cached = this.fresh(this.byId.get(id));
    if (cached) return cached;
    return this.remember(
      await this.prisma.instrument.findUnique({
        where: { id },
        select: { id: true, symbol: true, active: true },
      }),
    );
  }

  async bySymbolName(symbol: string): Promise<InstrumentRef | null> {
    const cached = this.fresh(this.bySymbol.get(symbol));
    if (cached) return cached;
    return this.remember(
      await this.prisma.instrument.findUnique({
        where: { symbol },
        select: { id: true, symbol: true, active: true },
      }),
    );
  }

  private fresh(cached: CachedRef | undefined): InstrumentRef | null {
    return cached && Date.now() - cached.readAt < this.maxAgeMs ? cached.ref : null;
  }

  private remember(instrument: InstrumentRef | null): InstrumentRef | null {
    if (instrument) {
      const cached = { ref: instrument, readAt: Date.now() };
      this.bySymbol.set(instrument.symbol, cached);
      this.byId.set(instrument.id, cached);
    }
    return instrument;
  }
}
