import type { AssetClass } from '../generated/prisma/enums.js';

/** One tradable instrument of the demo universe, with the price its demo market data centres on. */
export interface DemoInstrument {
  readonly symbol: string;
  readonly name: string;
  readonly assetClass: AssetClass;
  /** ISO 4217 currency prices are quoted in (the quote currency of an FX pair). */
  readonly currency: string;
  readonly tickSize: string;
  readonly lotSize: string;
  /** Last trade price of the demo quote, a multiple of `tickSize`. */
  readonly referencePrice: string;
}

const equity = (symbol: string, name: string, referencePrice: string): DemoInstrument => ({
  symbol,
  name,
  assetClass: 'EQUITY',
  currency: 'USD',
  tickSize: '0.01',
  lotSize: '1',
  referencePrice,
});
const fx = (symbol: string, referencePrice: string, tickSize = '0.00001'): DemoInstrument => ({
  symbol,
  name: `${symbol.slice(0, 3)}/${symbol.slice(3)}`,
  assetClass: 'FX',
  currency: symbol.slice(3),
  tickSize,
  lotSize: '1000',
  referencePrice,
});
const crypto = (
  symbol: string,
  name: string,
  tickSize: string,
  lotSize: string,
  referencePrice: string,
): DemoInstrument => ({
  symbol,
  name,
  assetClass: 'CRYPTO',
  currency: 'USD',
  tickSize,
  lotSize,
  referencePrice,
});

/**
 * The demo universe. Symbols, tick and lot sizes are the engine's `DEFAULT_INSTRUMENTS`
 * (engine/src/instruments.ts), so orders placed on seeded instruments pass its validation.
 */
export const DEMO_INSTRUMENTS: readonly DemoInstrument[] = [
  equity('AAPL', 'Apple Inc.', '228.50'),
  equity('MSFT', 'Microsoft Corporation', '418.20'),
  equity('GOOGL', 'Alphabet Inc. Class A', '172.35'),
  equity('AMZN', 'Amazon.com, Inc.', '189.90'),
  equity('NVDA', 'NVIDIA Corporation', '131.40'),
  equity('META', 'Meta Platforms, Inc.', '563.10'),
  equity('TSLA', 'Tesla, Inc.', '251.75'),
  equity('JPM', 'JPMorgan Chase & Co.', '221.60'),
  equity('V', 'Visa Inc. Class A', '289.05'),
  equity('SPY', 'SPDR S&P 500 ETF Trust', '571.30'),
  fx('EURUSD', '1.08520'),
  fx('GBPUSD', '1.27140'),
  fx('USDJPY', '150.245', '0.001'),
  fx('AUDUSD', '0.66080'),
  fx('USDCHF', '0.88120'),
  crypto('BTC-USD', 'Bitcoin', '0.01', '0.0001', '64250.00'),
  crypto('ETH-USD', 'Ether', '0.01', '0.001', '3185.40'),
  crypto('SOL-USD', 'Solana', '0.001', '0.01', '148.725'),
  crypto('XRP-USD', 'XRP', '0.0001', '1', '0.5234'),
  crypto('DOGE-USD', 'Dogecoin', '0.00001', '1', '0.12345'),
];
