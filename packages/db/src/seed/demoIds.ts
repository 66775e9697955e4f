import { nameBasedId } from '../nameBasedId.js';

/**
 * Namespace of every demo id (a random v4 UUID, fixed forever): ids derived from it cannot
 * collide with ids the services generate, and stay the same on every machine and every run.
 */
const DEMO_NAMESPACE = '6f1c2a8e-3d4b-4c5e-9a7f-1b2c3d4e5f60';

/**
 * A name-based (version 5, RFC 9562) UUID for demo row `name`. Seeding by deterministic id
 * makes reruns upserts instead of duplicates, and lets tests refer to demo rows by constant.
 */
export function demoId(name: string): string {
  return nameBasedId(DEMO_NAMESPACE, name);
}

/** The demo trader: has cash, positions, open and filled orders, a risk profile and alerts. */
export const DEMO_TRADER_ID = demoId('user:trader');
export const DEMO_ANALYST_ID = demoId('user:analyst');
export const DEMO_ADMIN_ID = demoId('user:admin');
/** The counterparty of the demo trader's fills (every trade needs a buy and a sell order). */
export const DEMO_MARKET_MAKER_ID = demoId('user:market-maker');
/**
 * The simulated market makers the launcher's live market feed trades as (engine account ids):
 * enough of them that most simulated trades are between two accounts.
 */
export const DEMO_SIMULATED_MARKET_MAKER_IDS: readonly string[] = [1, 2, 3, 4].map((n) =>
  demoId(`user:simulated-market-maker-${n}`),
);

export const DEMO_TRADER_EMAIL = 'trader@demo.mib.local';
export const DEMO_PORTFOLIO_ID = demoId('portfolio:trader');
export const DEMO_RISK_PROFILE_ID = demoId('risk-profile:trader');

/** The instrument id of a demo symbol, e.g. `demoInstrumentId('AAPL')`. */
export const demoInstrumentId = (symbol: string): string => demoId(`instrument:${symbol}`);

/**
 * The moment the demo market data describes (latest quote, last candle close). Fixed rather than
 * "now" so that candles keep their keys and reseeding never adds rows.
 */
export const DEMO_AS_OF = new Date('2026-11-20T21:00:00.000Z');
