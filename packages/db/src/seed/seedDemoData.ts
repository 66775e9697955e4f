import type { PrismaClient } from '../generated/prisma/client.js';
import { seedMarket } from './seedMarket.js';
import { seedMarketMakers } from './seedMarketMakers.js';
import { seedRisk } from './seedRisk.js';
import { seedTrading } from './seedTrading.js';
import { seedUsers } from './seedUsers.js';

/**
 * Fills an empty database with the demo world (users, 20 instruments with quotes and candles,
 * the demo trader's portfolio, orders, trades, risk limits and alerts, the simulated market
 * makers' cash), or tops up one seeded before. Every row has a deterministic id, so a rerun upserts and adds nothing; state the
 * platform changes later (cash, positions, orders, quotes) is never reset by a rerun.
 * Runs in one transaction: a failure leaves no partial demo world.
 */
export async function seedDemoData(prisma: PrismaClient): Promise<void> {
  await prisma.$transaction(
    async (tx) => {
      await seedUsers(tx);
      await seedMarket(tx);
      await seedTrading(tx);
      await seedRisk(tx);
      await seedMarketMakers(tx);
    },
    // A first seed is a few hundred statements; Prisma's default 5 s is tight on a busy 2-core box.
    { timeout: 60_000, maxWait: 10_000 },
  );
}
