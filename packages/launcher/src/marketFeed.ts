import { DEMO_INSTRUMENTS, DEMO_SIMULATED_MARKET_MAKER_IDS, type DemoInstrument } from '@mib/db';
import { startLiveMarketFeed, type EngineClient, type LiveMarketFeed } from '@mib/engine';
import type { Logger } from '@mib/telemetry';

/**
 * Annual volatility of each asset class's simulated mid: roughly what such markets show, so
 * crypto visibly moves faster than FX.
 */
const VOLATILITY: Record<DemoInstrument['assetClass'], number> = { EQUITY: 0.3, FX: 0.1, CRYPTO: 0.8 };

/**
 * The demo market: simulated flow on every demo instrument, starting at its seeded reference
 * price, traded by the seeded simulated market makers at `commandsPerSecond`.
 */
export function startMarketFeed(
  engine: EngineClient,
  commandsPerSecond: number,
  logger: Logger,
): LiveMarketFeed {
  return startLiveMarketFeed({
    client: engine,
    instruments: DEMO_INSTRUMENTS.map(({ symbol, referencePrice, assetClass }) => ({
      symbol,
      referencePrice,
      volatility: VOLATILITY[assetClass],
    })),
    accountIds: DEMO_SIMULATED_MARKET_MAKER_IDS,
    commandsPerSecond,
    logger,
  });
}
