import { Prisma } from '../generated/prisma/client.js';
import { DEMO_SIMULATED_MARKET_MAKER_IDS, demoId } from './demoIds.js';
import { DEMO_INSTRUMENTS } from './demoInstruments.js';

/**
 * Cash each simulated market maker starts with in every quote currency of the demo universe:
 * far more than a random walk of 10-lot orders ever spends, so their portfolios and risk stay
 * those of a solvent dealer.
 */
export const DEMO_MARKET_MAKER_CASH: Readonly<Record<string, string>> = {
  USD: '100000000',
  CHF: '100000000',
  JPY: '15000000000',
};

/**
 * A USD portfolio with cash in every quote currency for each simulated market maker, created
 * when missing and never reset (their trades move the cash afterwards). Keyed by user, like the
 * portfolio the read model would open on a first trade.
 */
export async function seedMarketMakers(tx: Prisma.TransactionClient): Promise<void> {
  const currencies = [...new Set(DEMO_INSTRUMENTS.map((instrument) => instrument.currency))];
  for (const [index, userId] of DEMO_SIMULATED_MARKET_MAKER_IDS.entries()) {
    const portfolio = await tx.portfolio.upsert({
      where: { userId },
      create: { id: demoId(`portfolio:simulated-market-maker-${index + 1}`), userId, baseCurrency: 'USD' },
      update: {},
      select: { id: true },
    });
    await tx.cashBalance.createMany({
      data: currencies.map((currency) => ({
        portfolioId: portfolio.id,
        currency,
        amount: new Prisma.Decimal(DEMO_MARKET_MAKER_CASH[currency] ?? DEMO_MARKET_MAKER_CASH['USD']!),
      })),
      skipDuplicates: true,
    });
  }
}
