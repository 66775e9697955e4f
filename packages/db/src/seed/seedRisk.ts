import type { Prisma } from '../generated/prisma/client.js';
import { DEMO_AS_OF, DEMO_RISK_PROFILE_ID, DEMO_TRADER_ID, demoId } from './demoIds.js';
import { DEMO_ORDERS, positionsAfterFills } from './demoOrders.js';

/** The trader's limits: generous enough for the demo orders, tight enough to reject a fat finger. */
export const DEMO_RISK_LIMITS = {
  maxOrderQuantity: '100000',
  maxOrderNotional: '100000.0000',
  maxPositionNotional: '250000.0000',
  maxPosition: '1000000',
  maxOpenOrders: 25,
  priceBandBps: 500,
} as const;

const DEMO_ALERTS = [
  {
    key: 'btc-concentration',
    severity: 'WARNING',
    kind: 'POSITION_CONCENTRATION',
    // 0.5 BTC at 62,000 USD against some 250,000 USD of equity when it was bought.
    message: 'BTC-USD is over 12% of portfolio equity (watch level 10%).',
    acknowledged: false,
    hoursAgo: 47,
  },
  {
    key: 'tsla-price-band',
    severity: 'INFO',
    kind: 'PRICE_BAND',
    message: 'TSLA buy at 200.00 was more than 5% below the last trade; it was cancelled.',
    acknowledged: true,
    hoursAgo: 23,
  },
] as const;

/**
 * Limits are configuration and are restored on reseed; alerts are history and only created, as
 * are the risk monitor's net positions, the same holdings as the trader's seeded portfolio (the
 * monitor keeps them from trades afterwards), so exposure and VaR have the demo book to show.
 */
export async function seedRisk(tx: Prisma.TransactionClient): Promise<void> {
  await tx.riskProfile.upsert({
    where: { id: DEMO_RISK_PROFILE_ID },
    create: { id: DEMO_RISK_PROFILE_ID, userId: DEMO_TRADER_ID, ...DEMO_RISK_LIMITS },
    update: DEMO_RISK_LIMITS,
  });
  for (const { symbol, quantity, lastPrice } of positionsAfterFills(DEMO_ORDERS).positions) {
    await tx.netPosition.upsert({
      where: { userId_symbol: { userId: DEMO_TRADER_ID, symbol } },
      create: { userId: DEMO_TRADER_ID, symbol, quantity, lastPrice, updatedAt: DEMO_AS_OF },
      update: {},
    });
  }
  for (const { key, hoursAgo, ...alert } of DEMO_ALERTS) {
    const id = demoId(`risk-alert:${key}`);
    await tx.riskAlert.upsert({
      where: { id },
      create: {
        id,
        riskProfileId: DEMO_RISK_PROFILE_ID,
        ...alert,
        createdAt: new Date(DEMO_AS_OF.getTime() - hoursAgo * 3_600_000),
      },
      update: {},
    });
  }
}
