/**
 * Instruments the engine trades, given at start-up. Tick and lot sizes are decimal strings so
 * they read like an exchange's instrument list; the engine converts them to 1e-8 units once.
 */
export interface InstrumentSpec {
  /** Exchange symbol, e.g. `AAPL`, `EURUSD`, `BTC-USD`. Routed to a shard by its hash. */
  readonly symbol: string;
  /** Smallest price increment, e.g. `"0.01"`. */
  readonly tickSize: string;
  /** Smallest quantity increment, e.g. `"1"` share or `"0.0001"` BTC. */
  readonly lotSize: string;
}

const equity = (symbol: string): InstrumentSpec => ({ symbol, tickSize: '0.01', lotSize: '1' });
const fx = (symbol: string, tickSize = '0.00001'): InstrumentSpec => ({ symbol, tickSize, lotSize: '1000' });
const crypto = (symbol: string, tickSize: string, lotSize: string): InstrumentSpec => ({ symbol, tickSize, lotSize });

/** The demo universe: US equities, FX majors and crypto pairs (20 symbols). */
export const DEFAULT_INSTRUMENTS: readonly InstrumentSpec[] = [
  equity('AAPL'),
  equity('MSFT'),
  equity('GOOGL'),
  equity('AMZN'),
  equity('NVDA'),
  equity('META'),
  equity('TSLA'),
  equity('JPM'),
  equity('V'),
  equity('SPY'),
  fx('EURUSD'),
  fx('GBPUSD'),
  fx('USDJPY', '0.001'),
  fx('AUDUSD'),
  fx('USDCHF'),
  crypto('BTC-USD', '0.01', '0.0001'),
  crypto('ETH-USD', '0.01', '0.001'),
  crypto('SOL-USD', '0.001', '0.01'),
  crypto('XRP-USD', '0.0001', '1'),
  crypto('DOGE-USD', '0.00001', '1'),
];
