/** The demo world: what `npm start` and `npm run db:seed` put in an empty database. */
export { seedDemoData } from './seedDemoData.js';
export {
  DEMO_ADMIN_ID,
  DEMO_ANALYST_ID,
  DEMO_AS_OF,
  DEMO_MARKET_MAKER_ID,
  DEMO_PORTFOLIO_ID,
  DEMO_RISK_PROFILE_ID,
  DEMO_SIMULATED_MARKET_MAKER_IDS,
  DEMO_TRADER_EMAIL,
  DEMO_TRADER_ID,
  demoInstrumentId,
} from './demoIds.js';
export { DEMO_INSTRUMENTS, type DemoInstrument } from './demoInstruments.js';
export { DEMO_ORDERS, DEMO_STARTING_CASH, demoOrderId, type DemoOrder } from './demoOrders.js';
export { DEMO_PASSWORDS, DEMO_USERS } from './seedUsers.js';
export { DEMO_DAILY_CANDLES, DEMO_HOURLY_CANDLES, DEMO_TAPE_PRINTS } from './seedMarket.js';
export { DEMO_RISK_LIMITS } from './seedRisk.js';
export { DEMO_MARKET_MAKER_CASH } from './seedMarketMakers.js';
