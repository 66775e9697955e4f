import type { PrismaClient } from '@mib/db';

/** What a trading domain needs to know of an instrument: its id, the engine's symbol, whether it trades. */
export interface InstrumentRef {
  readonly id: string;
  readonly symbol: string;
  readonly active: boolean;
}

/**
 * Read-only access to the instrument catalogue owned by market-data (`market.instruments`).
 * Orders, portfolio and risk turn the engine's symbols into instrument ids and back; reference
 * data this small and stable is read in place rather than replicated.
 * Entries are cached for the life of the process: instruments are never renamed.
 */
export class InstrumentCatalog {
  private readonly bySymbol = new Map<string, InstrumentRef>();
  private readonly byId = new Map<string, InstrumentRef>();

  constructor(private readonly prisma: PrismaClient) {}

  async byInstrumentId(id: string): Promise<InstrumentRef | null> {
    const cached = this.byId.get(id);
    if (cached) return cached;
    return this.remember(
      await this.prisma.instrument.findUnique({
        where: { id },
        select: { id: true, symbol: true, active: true },
      }),
    );
  }

  async bySymbolName(symbol: string): Promise<InstrumentRef | null> {
    const cached = this.bySymbol.get(symbol);
    if (cached) return cached;
    return this.remember(
      await this.prisma.instrument.findUnique({
        where: { symbol },
        select: { id: true, symbol: true, active: true },
      }),
    );
  }

  private remember(instrument: InstrumentRef | null): InstrumentRef | null {
    if (instrument) {
      this.bySymbol.set(instrument.symbol, instrument);
      this.byId.set(instrument.id, instrument);
    }
    return instrument;
  }
}
