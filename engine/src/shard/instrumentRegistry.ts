import type { InstrumentSpec } from '../instruments.js';
import { parseUnits } from './decimal.js';
import { shardOf } from './routing.js';
import type { ShardInstrument } from './workerProtocol.js';

/** An instrument as the main thread routes it. */
export interface RegisteredInstrument {
  readonly symbol: string;
  /** Dense id ≥ 1 used in slots. */
  readonly symbolId: number;
  readonly shard: number;
  readonly tickUnits: number;
  readonly lotUnits: number;
  readonly tickSize: string;
  readonly lotSize: string;
}

/** Symbol ↔ numeric id ↔ shard, fixed at start-up. */
export class InstrumentRegistry {
  readonly instruments: readonly RegisteredInstrument[];
  private readonly bySymbol = new Map<string, RegisteredInstrument>();
  private readonly byId: (RegisteredInstrument | undefined)[] = [undefined];

  constructor(specs: readonly InstrumentSpec[], shardCount: number) {
    const instruments: RegisteredInstrument[] = [];
    for (const spec of specs) {
      const tickUnits = parseUnits(spec.tickSize);
      const lotUnits = parseUnits(spec.lotSize);
      if (tickUnits === undefined || tickUnits <= 0 || lotUnits === undefined || lotUnits <= 0) {
        throw new RangeError(`instrument ${spec.symbol}: tick size and lot size must be positive decimals`);
      }
      if (spec.symbol.length === 0 || this.bySymbol.has(spec.symbol))
        throw new RangeError(`instrument symbol "${spec.symbol}" is empty or duplicated`);
      const instrument: RegisteredInstrument = {
        symbol: spec.symbol,
        symbolId: instruments.length + 1,
        shard: shardOf(spec.symbol, shardCount),
        tickUnits,
        lotUnits,
        tickSize: spec.tickSize,
        lotSize: spec.lotSize,
      };
      instruments.push(instrument);
      this.bySymbol.set(spec.symbol, instrument);
      this.byId.push(instrument);
    }
    this.instruments = instruments;
  }

  bySymbolName(symbol: string): RegisteredInstrument | undefined {
    return this.bySymbol.get(symbol);
  }

  bySymbolId(symbolId: number): RegisteredInstrument | undefined {
    return this.byId[symbolId];
  }

  /** The instruments each shard owns, for its worker's start-up data. */
  perShard(shardCount: number): ShardInstrument[][] {
    const perShard = Array.from({ length: shardCount }, (): ShardInstrument[] => []);
    for (const { shard, symbolId, tickUnits, lotUnits } of this.instruments)
      perShard[shard]?.push({ symbolId, tickUnits, lotUnits });
    return perShard;
  }
}
