import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adminRequest,
  errorCodes,
  startSubgraphFixture,
  walkConnection,
  type ConnectionPage,
  type SubgraphFixture,
} from '@mib/subgraph-kit/testing';
import { riskSubgraph } from '../src/index.js';
import { seedRiskProfiles, type SeededRiskProfiles } from './riskFixtures.js';

let fixture: SubgraphFixture<SeededRiskProfiles>;
beforeAll(async () => {
  fixture = await startSubgraphFixture(riskSubgraph, { seed: seedRiskProfiles });
});
afterAll(() => fixture[Symbol.asyncDispose]());

interface AlertsPage {
  riskProfile: { alerts: ConnectionPage<{ id: string; acknowledged: boolean }> } | null;
}

const alertsPage = (args: { first?: number; after?: string | null; unacknowledgedOnly?: boolean }) =>
  adminRequest<AlertsPage>(
    fixture.url,
    `query($id: ID!, $first: Int, $after: String, $unacknowledgedOnly: Boolean) {
      riskProfile(id: $id) { alerts(first: $first, after: $after, unacknowledgedOnly: $unacknowledgedOnly) { edges { node { id acknowledged } } pageInfo { hasNextPage endCursor } } }
    }`,
    { id: fixture.seeded.alice.id, ...args },
  );

/** Alice's alerts, page by page. */
const walkAllPages = (first: number, unacknowledgedOnly: boolean) =>
  walkConnection(
    (after) => alertsPage({ first, after, unacknowledgedOnly }),
    (data) => data.riskProfile?.alerts,
  );

describe('Query.riskProfile', () => {
  it('returns the limits exactly, with a reference to the user', async () => {
    const response = await adminRequest(
      fixture.url,
      'query($id: ID!) { riskProfile(id: $id) { id user { id } maxOrderQuantity maxOrderNotional maxPositionNotional maxOpenOrders priceBandBps updatedAt } }',
      { id: fixture.seeded.alice.id },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({
      riskProfile: {
        id: fixture.seeded.alice.id,
        user: { id: fixture.seeded.aliceId },
        maxOrderQuantity: '1000.5',
        maxOrderNotional: '250000',
        maxPositionNotional: '1000000.1234',
        maxOpenOrders: 50,
        priceBandBps: 500,
        updatedAt: fixture.seeded.alice.updatedAt.toISOString(),
      },
    });
  });

  it('returns the newest alert first with all its fields', async () => {
    const newest = fixture.seeded.aliceAlerts[0];
    const response = await adminRequest(
      fixture.url,
      'query($id: ID!) { riskProfile(id: $id) { alerts(first: 1) { edges { node { id severity kind message acknowledged createdAt } } } } }',
      { id: fixture.seeded.alice.id },
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
    expect(pages.flat().map((alert) => alert.id)).toEqual(
      fixture.seeded.aliceAlerts.map((alert) => alert.id),
    );
  });

  it('leaves out acknowledged alerts when asked, still paginated', async () => {
    const pages = await walkAllPages(3, true);
    const expected = fixture.seeded.aliceAlerts
      .filter((alert) => !alert.acknowledged)
      .map((alert) => alert.id);
    expect(expected).toHaveLength(8);
    expect(pages.flat().map((alert) => alert.id)).toEqual(expected);
  });

  it('returns null for an unknown id and BAD_USER_INPUT for a malformed one', async () => {
    const unknown = await adminRequest(
      fixture.url,
      'query { riskProfile(id: "00000000-0000-4000-8000-000000000000") { id } }',
    );
    expect(unknown.errors).toBeUndefined();
    expect(unknown.data).toEqual({ riskProfile: null });
    expect(errorCodes(await adminRequest(fixture.url, 'query { riskProfile(id: "limits") { id } }'))).toEqual(
      ['BAD_USER_INPUT'],
    );
  });

  it.each([
    ['first: 0', { first: 0 }],
    ['first: 101', { first: 101 }],
    ['a forged cursor', { after: 'Zm9yZ2Vk' }],
  ])('rejects %s as BAD_USER_INPUT and writes nothing', async (_case, args) => {
    const before = await fixture.db.prisma.riskAlert.count({ where: { acknowledged: true } });
    expect(errorCodes(await alertsPage(args))).toEqual(['BAD_USER_INPUT']);
    expect(await fixture.db.prisma.riskAlert.count({ where: { acknowledged: true } })).toBe(before);
  });
});
