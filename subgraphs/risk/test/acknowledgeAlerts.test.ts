import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_RISK_PROFILE_ID, DEMO_TRADER_ID, seedDemoData, type PrismaClient } from '@mib/db';
import {
  errorCodes,
  startSubgraphFixture,
  subgraphRequest,
  testIdentity,
  type SubgraphFixture,
} from '@mib/subgraph-kit/testing';
import { riskSubgraph } from '../src/index.js';

/** The demo data; the id of one of the demo trader's unacknowledged alerts. */
async function seedUnacknowledgedAlert(prisma: PrismaClient): Promise<string> {
  await seedDemoData(prisma);
  const alert = await prisma.riskAlert.findFirstOrThrow({
    where: { riskProfileId: DEMO_RISK_PROFILE_ID, acknowledged: false },
  });
  return alert.id;
}

let fixture: SubgraphFixture<string>;
let unacknowledged: string;
beforeAll(async () => {
  fixture = await startSubgraphFixture(riskSubgraph, { seed: seedUnacknowledgedAlert });
  unacknowledged = fixture.seeded;
});
afterAll(() => fixture[Symbol.asyncDispose]());

const ACKNOWLEDGE = 'mutation($id: ID!) { acknowledgeRiskAlert(id: $id) { id acknowledged } }';
const acknowledgedInDatabase = async (id: string) =>
  (await fixture.db.prisma.riskAlert.findUniqueOrThrow({ where: { id } })).acknowledged;

describe('Mutation.acknowledgeRiskAlert', () => {
  it("refuses another user's alert with FORBIDDEN, an unknown one with NOT_FOUND, and changes nothing", async () => {
    const stranger = testIdentity(randomUUID());
    expect(
      errorCodes(await subgraphRequest(fixture.url, ACKNOWLEDGE, { id: unacknowledged }, stranger)),
    ).toEqual(['FORBIDDEN']);
    const owner = testIdentity(DEMO_TRADER_ID);
    expect(errorCodes(await subgraphRequest(fixture.url, ACKNOWLEDGE, { id: randomUUID() }, owner))).toEqual([
      'NOT_FOUND',
    ]);
    expect(errorCodes(await subgraphRequest(fixture.url, ACKNOWLEDGE, { id: 'alert-1' }, owner))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(errorCodes(await subgraphRequest(fixture.url, ACKNOWLEDGE, { id: unacknowledged }, null))).toEqual(
      ['UNAUTHENTICATED'],
    );
    expect(await acknowledgedInDatabase(unacknowledged)).toBe(false);
  });

  it("acknowledges the owner's alert, so it leaves their unacknowledged list, and again changes nothing", async () => {
    const owner = testIdentity(DEMO_TRADER_ID);
    for (let attempt = 0; attempt < 2; attempt++) {
      const response = await subgraphRequest(fixture.url, ACKNOWLEDGE, { id: unacknowledged }, owner);
      expect(response.errors).toBeUndefined();
      expect(response.data).toEqual({ acknowledgeRiskAlert: { id: unacknowledged, acknowledged: true } });
    }
    expect(await acknowledgedInDatabase(unacknowledged)).toBe(true);
    const open = await subgraphRequest<{ riskProfile: { alerts: { edges: { node: { id: string } }[] } } }>(
      fixture.url,
      'query($id: ID!) { riskProfile(id: $id) { alerts(unacknowledgedOnly: true) { edges { node { id } } } } }',
      { id: DEMO_RISK_PROFILE_ID },
      owner,
    );
    expect(open.data?.riskProfile.alerts.edges.map(({ node }) => node.id)).not.toContain(unacknowledged);
  });

  it("lets an admin acknowledge anyone's alert", async () => {
    const alert = await fixture.db.prisma.riskAlert.create({
      data: { riskProfileId: DEMO_RISK_PROFILE_ID, severity: 'WARNING', kind: 'TEST', message: 'test' },
    });
    const admin = testIdentity(randomUUID(), 'admin');
    const response = await subgraphRequest(fixture.url, ACKNOWLEDGE, { id: alert.id }, admin);
    expect(response.errors).toBeUndefined();
    expect(await acknowledgedInDatabase(alert.id)).toBe(true);
  });
});

describe('RiskProfile.alerts(unacknowledgedOnly: true)', () => {
  const PAGE = `query($id: ID!, $after: String) {
    riskProfile(id: $id) {
      alerts(unacknowledgedOnly: true, first: 2, after: $after) {
        edges { node { id message } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }`;
  interface Page {
    riskProfile: {
      alerts: {
        edges: { node: { id: string; message: string } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
    };
  }

  it('continues after the previous page when its last alert was acknowledged since', async () => {
    const userId = randomUUID();
    const owner = testIdentity(userId);
    const profile = await fixture.db.prisma.riskProfile.create({
      data: {
        userId,
        maxOrderQuantity: '10',
        maxOrderNotional: '1000',
        maxPositionNotional: '1000',
        maxOpenOrders: 5,
        priceBandBps: 100,
      },
    });
    // Alert 1 is the newest, so pages list 1, 2, then 3, 4, then 5.
    await fixture.db.prisma.riskAlert.createMany({
      data: [1, 2, 3, 4, 5].map((n) => ({
        riskProfileId: profile.id,
        severity: 'WARNING' as const,
        kind: 'POSITION_LIMIT_EXCEEDED',
        message: `alert ${n}`,
        createdAt: new Date(Date.UTC(2026, 0, 5, 9, 0) - n * 60_000),
      })),
    });
    const page = async (after: string | null) => {
      const response = await subgraphRequest<Page>(fixture.url, PAGE, { id: profile.id, after }, owner);
      expect(response.errors).toBeUndefined();
      const alerts = response.data?.riskProfile.alerts;
      if (!alerts) throw new Error('no alerts connection');
      return alerts;
    };

    const first = await page(null);
    expect(first.edges.map(({ node }) => node.message)).toEqual(['alert 1', 'alert 2']);
    const second = first.edges[1]?.node.id ?? '';
    expect((await subgraphRequest(fixture.url, ACKNOWLEDGE, { id: second }, owner)).errors).toBeUndefined();

    const next = await page(first.pageInfo.endCursor);
    expect(next.edges.map(({ node }) => node.message)).toEqual(['alert 3', 'alert 4']);
    expect(next.pageInfo.hasNextPage).toBe(true);
  });
});
