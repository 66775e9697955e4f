import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@mib/db/testing';
import type { RunningService } from '@mib/subgraph-kit';
import {
  errorCodes,
  adminRequest,
  startSubgraphForTest,
  type GraphQLResponse,
} from '@mib/subgraph-kit/testing';
import { riskSubgraph } from '../src/index.js';
import { seedRiskProfiles, type SeededRiskProfiles } from './riskFixtures.js';

let db: TestDatabase;
let subgraph: RunningService & AsyncDisposable;
let seeded: SeededRiskProfiles;

beforeAll(async () => {
  db = await createTestDatabase();
  seeded = await seedRiskProfiles(db.prisma);
  subgraph = await startSubgraphForTest(riskSubgraph, db.prisma);
});

afterAll(async () => {
  await subgraph[Symbol.asyncDispose]();
  await db[Symbol.asyncDispose]();
});

interface AlertsPage {
  riskProfile: {
    alerts: {
      edges: { node: { id: string; acknowledged: boolean } }[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
  } | null;
}

const alertsPage = (args: {
  first?: number;
  after?: string | null;
  unacknowledgedOnly?: boolean;
}): Promise<GraphQLResponse<AlertsPage>> =>
  adminRequest<AlertsPage>(
    subgraph.url,
    `query($id: ID!, $first: Int, $after: String, $unacknowledgedOnly: Boolean) {
      riskProfile(id: $id) { alerts(first: $first, after: $after, unacknowledgedOnly: $unacknowledgedOnly) { edges { node { id acknowledged } } pageInfo { hasNextPage endCursor } } }
    }`,
    { id: seeded.alice.id, ...args },
  );

async function walkAllPages(first: number, unacknowledgedOnly: boolean): Promise<string[][]> {
  const pages: string[][] = [];
  let after: string | null = null;
  for (let guard = 0; guard < 20; guard++) {
    const response: GraphQLResponse<AlertsPage> = await alertsPage({ first, after, unacknowledgedOnly });
    const alerts = response.data?.riskProfile?.alerts;
    if (!alerts) throw new Error(JSON.stringify(response.errors));
    pages.push(alerts.edges.map((edge) => edge.node.id));
    if (!alerts.pageInfo.hasNextPage) return pages;
    after = alerts.pageInfo.endCursor;
  }
  throw new Error('pagination did not end');
}

describe('Query.riskProfile', () => {
  it('returns the limits exactly, with a reference to the user', async () => {
    const response = await adminRequest(
      subgraph.url,
      'query($id: ID!) { riskProfile(id: $id) { id user { id } maxOrderQuantity maxOrderNotional maxPositionNotional maxOpenOrders priceBandBps updatedAt } }',
      { id: seeded.alice.id },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({
      riskProfile: {
        id: seeded.alice.id,
        user: { id: seeded.aliceId },
        maxOrderQuantity: '1000.5',
        maxOrderNotional: '250000',
        maxPositionNotional: '1000000.1234',
        maxOpenOrders: 50,
        priceBandBps: 500,
        updatedAt: seeded.alice.updatedAt.toISOString(),
      },
    });
  });

  it('returns the newest alert first with all its fields', async () => {
    const newest = seeded.aliceAlerts[0];
    const response = await adminRequest(
      subgraph.url,
      'query($id: ID!) { riskProfile(id: $id) { alerts(first: 1) { edges { node { id severity kind message acknowledged createdAt } } } } }',
      { id: seeded.alice.id },
    );
    expect(response.data).toEqual({
      riskProfile: {
        alerts: {
          edges: [
            {
              node: {
                id: newest?.id,
                severity: 'CRITICAL',
                kind: 'POSITION_LIMIT',
                message: 'alert 11',
                acknowledged: false,
                createdAt: '2026-01-05T09:11:00.000Z',
              },
            },
          ],
        },
      },
    });
  });

  it('walks every page of alerts newest first, each exactly once, ties broken by id', async () => {
    const pages = await walkAllPages(5, false);
    expect(pages.map((page) => page.length)).toEqual([5, 5, 2]);
    expect(pages.flat()).toEqual(seeded.aliceAlerts.map((alert) => alert.id));
  });

  it('leaves out acknowledged alerts when asked, still paginated', async () => {
    const pages = await walkAllPages(3, true);
    const expected = seeded.aliceAlerts.filter((alert) => !alert.acknowledged).map((alert) => alert.id);
    expect(expected).toHaveLength(8);
    expect(pages.flat()).toEqual(expected);
  });

  it('returns null for an unknown id and BAD_USER_INPUT for a malformed one', async () => {
    const unknown = await adminRequest(
      subgraph.url,
      'query { riskProfile(id: "00000000-0000-4000-8000-000000000000") { id } }',
    );
    expect(unknown.errors).toBeUndefined();
    expect(unknown.data).toEqual({ riskProfile: null });
    expect(
      errorCodes(await adminRequest(subgraph.url, 'query { riskProfile(id: "limits") { id } }')),
    ).toEqual(['BAD_USER_INPUT']);
  });

  it.each([
    ['first: 0', { first: 0 }],
    ['first: 101', { first: 101 }],
    ['a forged cursor', { after: 'Zm9yZ2Vk' }],
  ])('rejects %s as BAD_USER_INPUT and writes nothing', async (_case, args) => {
    const before = await db.prisma.riskAlert.count({ where: { acknowledged: true } });
    expect(errorCodes(await alertsPage(args))).toEqual(['BAD_USER_INPUT']);
    expect(await db.prisma.riskAlert.count({ where: { acknowledged: true } })).toBe(before);
  });
});
