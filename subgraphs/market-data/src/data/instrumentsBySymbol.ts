import type { Instrument } from '@mib/db';
import { badUserInput } from '@mib/errors';
import type { InstrumentLoaders } from './instrumentLoaders.js';

/** Most symbols one `quotes` subscription may watch: wider fan-in is a bulk feed's job. */
export const MAX_QUOTE_SYMBOLS = 50;

/** The listed instrument with this symbol, or BAD_USER_INPUT naming `argument`. */
export async function requireInstrument(
  loaders: InstrumentLoaders,
  symbol: string,
  argument = 'symbol',
): Promise<Instrument> {
  const instrument = await loaders.instrumentBySymbol.load(symbol);
  if (!instrument) throw badUserInput(`Unknown symbol ${JSON.stringify(symbol)}`, argument);
  return instrument;
}

/**
 * The instruments of 1..MAX_QUOTE_SYMBOLS distinct symbols, keyed by symbol; BAD_USER_INPUT for
 * a count out of range or for any unknown symbol (all of them named, so one round trip fixes it).
 */
export async function requireInstruments(
  loaders: InstrumentLoaders,
  symbols: readonly string[],
  argument = 'symbols',
): Promise<ReadonlyMap<string, Instrument>> {
  const distinct = [...new Set(symbols)];
  if (distinct.length < 1 || distinct.length > MAX_QUOTE_SYMBOLS)
    throw badUserInput(`\`${argument}\` must name between 1 and ${MAX_QUOTE_SYMBOLS} symbols`, argument);
  const found = await loaders.instrumentBySymbol.loadMany(distinct);
  const instruments = new Map<string, Instrument>();
  const unknown: string[] = [];
  distinct.forEach((symbol, index) => {
    const instrument = found[index];
    // DataLoader hands a failed lookup back as a value: a database error, not an unknown symbol.
    if (instrument instanceof Error) throw instrument;
    if (instrument) instruments.set(symbol, instrument);
    else unknown.push(symbol);
  });
  if (unknown.length > 0) throw badUserInput(`Unknown symbols: ${unknown.join(', ')}`, argument);
  return instruments;
}
