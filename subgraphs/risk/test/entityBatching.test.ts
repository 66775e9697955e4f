import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@mib/db';
import {
  adminRequest,
  errorCodes,
  startSubgraphFixture,
  type SubgraphFixture,
} from '@mib/subgraph-kit/testing';
import { riskSubgraph } from '../src/index.js';
import { seedRiskProfiles, type SeededRiskProfiles } from './riskFixtures.js';

/** Twenty more traders, each with default limits and three alerts, the newest acknowledged. */
const traderIds = Array.from({ length: 20 }, () => randomUUID());
const start = Date.UTC(2026, 1, 2, 9, 0);

/** `seedRiskProfiles`, then the twenty traders. */
async function seedWithTraders(prisma: PrismaClient): Promise<SeededRiskProfiles> {
  const seeded = await seedRiskProfiles(prisma);
  await prisma.riskProfile.createMany({
    data: traderIds.map((userId) => ({
      userId,
      maxOrderQuantity: '100',
      maxOrderNotional: '10000',
      maxPositionNotional: '50000',
      maxOpenOrders: 10,
      priceBandBps: 250,
    })),
  });
  const profiles = await prisma.riskProfile.findMany({ where: { userId: { in: traderIds } } });
  await prisma.riskAlert.createMany({
    data: profiles.flatMap(({ id }) =>
      [0, 1, 2].map((minute) => ({
        riskProfileId: id,
        severity: 'WARNING' as const,
        kind: 'PRICE_BAND',
        message: `alert ${minute}`,
        acknowledged: minute === 2,
        createdAt: new Date(start + minute * 60_000),
      })),
    ),
  });
  return seeded;
}

let fixture: SubgraphFixture<SeededRiskProfiles>;
beforeAll(async () => {
  fixture = await startSubgraphFixture(riskSubgraph, { seed: seedWithTraders, recordStatements: true });
});
beforeEach(() => fixture.forgetStatements());
afterAll(() => fixture[Symbol.asyncDispose]());

const entitiesQuery = `query($r: [_Any!]!) {
  _entities(representations: $r) {
    ... on RiskProfile { id maxOpenOrders }
    ... on RiskAlert { id kind message }
    ... on User { id riskProfile { id priceBandBps } }
  }
}`;

describe('entity references', () => {
  it('resolves profile, alert and user representations in the order given, null where there is none', async () => {
    const [alert] = fixture.seeded.aliceAlerts;
    const response = await adminRequest<{ _entities: unknown[] }>(fixture.url, entitiesQuery, {
      r: [
        { __typename: 'RiskProfile', id: fixture.seeded.bob.id },
        { __typename: 'RiskProfile', id: '00000000-0000-4000-8000-000000000000' },
        { __typename: 'RiskAlert', id: alert?.id },
        { __typename: 'RiskAlert', id: '00000000-0000-4000-8000-000000000000' },
        { __typename: 'User', id: fixture.seeded.aliceId },
        { __typename: 'User', id: fixture.seeded.carolId },
      ],
    });
    expect(response.errors).toBeUndefined();
    expect(response.data?._entities).toEqual([
      { id: fixture.seeded.bob.id, maxOpenOrders: 5 },
      null,
      { id: alert?.id, kind: alert?.kind, message: alert?.message },
      null,
      { id: fixture.seeded.aliceId, riskProfile: { id: fixture.seeded.alice.id, priceBandBps: 500 } },
      { id: fixture.seeded.carolId, riskProfile: null },
    ]);
  });

  it('rejects a malformed id in a representation as BAD_USER_INPUT', async () => {
    const response = await adminRequest(fixture.url, entitiesQuery, {
      r: [{ __typename: 'RiskAlert', id: '42' }],
    });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
  });

  it("resolves 20 users' risk profiles in one statement", async () => {
    const response = await adminRequest<{ _entities: { riskProfile: { priceBandBps: number } | null }[] }>(
      fixture.url,
      entitiesQuery,
      {
        r: traderIds.map((id) => ({ __typename: 'User', id })),
      },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?._entities.map((user) => user.riskProfile?.priceBandBps)).toEqual(
      Array<number>(20).fill(250),
    );
    expect(fixture.statements).toHaveLength(1);
  });

  it('resolves 12 alerts and 20 profiles by reference in three statements', async () => {
    const profiles = await fixture.db.prisma.riskProfile.findMany({ where: { userId: { in: traderIds } } });
    fixture.forgetStatements();
    const response = await adminRequest<{ _entities: unknown[] }>(fixture.url, entitiesQuery, {
      r: [
        ...fixture.seeded.aliceAlerts.map(({ id }) => ({ __typename: 'RiskAlert', id })),
        ...profiles.map(({ id }) => ({ __typename: 'RiskProfile', id })),
      ],
    });
    expect(response.errors).toBeUndefined();
    expect(response.data?._entities.every((entity) => entity !== null)).toBe(true);
    expect(response.data?._entities).toHaveLength(32);
    // Alerts, profiles, then the alerts' own profiles for the owner check (Alice's is not among
    // the 20): one statement per step, however many alerts.
    expect(fixture.statements).toHaveLength(3);
  });

  it("pages 20 users' alerts, with and without acknowledged ones, in five statements", async () => {
    const alerts = await fixture.db.prisma.riskAlert.findMany({
      where: { riskProfile: { userId: { in: traderIds } } },
      include: { riskProfile: true },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    });
    const newestOf = (userId: string, unacknowledgedOnly: boolean) =>
      alerts
        .filter((alert) => alert.riskProfile.userId === userId && !(unacknowledgedOnly && alert.acknowledged))
        .slice(0, 2)
        .map(({ id }) => ({ node: { id } }));
    fixture.forgetStatements();
    type Page = { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean } };
    const response = await adminRequest<{ _entities: { riskProfile: { all: Page; open: Page } }[] }>(
      fixture.url,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { riskProfile {
        all: alerts(first: 2) { edges { node { id } } pageInfo { hasNextPage } }
        open: alerts(first: 2, unacknowledgedOnly: true) { edges { node { id } } pageInfo { hasNextPage } }
      } } } }`,
      { r: traderIds.map((id) => ({ __typename: 'User', id })) },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?._entities.map(({ riskProfile }) => riskProfile)).toEqual(
      traderIds.map((userId) => ({
        all: { edges: newestOf(userId, false), pageInfo: { hasNextPage: true } },
        open: { edges: newestOf(userId, true), pageInfo: { hasNextPage: false } },
      })),
    );
    // Profiles by user id, then for each filter the ranked alert ids and those alerts.
    expect(fixture.statements).toHaveLength(5);
  });
});
