import { randomUUID } from 'node:crypto';
import type { AlertSeverity, PrismaClient, RiskAlert, RiskProfile } from '@mib/db';

/** What `seedRiskProfiles` wrote, for assertions. */
export interface SeededRiskProfiles {
  readonly aliceId: string;
  readonly alice: RiskProfile;
  /** Alice's alerts, newest first (the order `RiskProfile.alerts` returns them in). */
  readonly aliceAlerts: readonly RiskAlert[];
  /** Bob has limits but no alerts. */
  readonly bob: RiskProfile;
  /** Carol has no risk profile. */
  readonly carolId: string;
}

const severities: readonly AlertSeverity[] = ['INFO', 'WARNING', 'CRITICAL'];
const start = Date.UTC(2026, 0, 5, 9, 0);

/**
 * Alice has 12 alerts, one a minute, except alerts 6 and 7 which share a timestamp so
 * pagination has to break the tie by id; every third one is acknowledged. Users live in
 * another subgraph, so their ids are fresh UUIDs here.
 */
export async function seedRiskProfiles(prisma: PrismaClient): Promise<SeededRiskProfiles> {
  const aliceId = randomUUID();
  const alice = await prisma.riskProfile.create({
    data: {
      userId: aliceId,
      maxOrderQuantity: '1000.5',
      maxOrderNotional: '250000',
      maxPositionNotional: '1000000.1234',
      maxOpenOrders: 50,
      priceBandBps: 500,
    },
  });
  const created: RiskAlert[] = [];
  for (let i = 0; i < 12; i++) {
    created.push(
      await prisma.riskAlert.create({
        data: {
          riskProfileId: alice.id,
          severity: severities[i % severities.length] ?? 'INFO',
          kind: i % 2 === 0 ? 'PRICE_BAND' : 'POSITION_LIMIT',
          message: `alert ${i}`,
          acknowledged: i % 3 === 0,
          createdAt: new Date(start + (i === 7 ? 6 : i) * 60_000),
        },
      }),
    );
  }
  const bob = await prisma.riskProfile.create({
    data: {
      userId: randomUUID(),
      maxOrderQuantity: '10',
      maxOrderNotional: '1000',
      maxPositionNotional: '5000',
      maxOpenOrders: 5,
      priceBandBps: 100,
    },
  });
  const aliceAlerts = [...created].sort(
    (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1),
  );
  return { aliceId, alice, aliceAlerts, bob, carolId: randomUUID() };
}
