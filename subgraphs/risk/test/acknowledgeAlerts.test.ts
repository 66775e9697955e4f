import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_RISK_PROFILE_ID, DEMO_TRADER_ID, seedDemoData } from '@mib/db';
import { createTestDatabase, type TestDatabase } from '@mib/db/testing';
import type { RunningService } from '@mib/subgraph-kit';
import { errorCodes, startSubgraphForTest, subgraphRequest, testIdentity } from '@mib/subgraph-kit/testing';
import { riskSubgraph } from '../src/index.js';

let db: TestDatabase;
let subgraph: RunningService & AsyncDisposable;
let unacknowledged: string;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemoData(db.prisma);
  subgraph = await startSubgraphForTest(riskSubgraph, db.prisma);
  const alert = await db.prisma.riskAlert.findFirstOrThrow({
    where: { riskProfileId: DEMO_RISK_PROFILE_ID, acknowledged: false },
  });
  unacknowledged = alert.id;
});

afterAll(async () => {
  await subgraph[Symbol.asyncDispose]();
  await db[Symbol.asyncDispose]();
});

const ACKNOWLEDGE = 'mutation($id: ID!) { acknowledgeRiskAlert(id: $id) { id acknowledged } }';
const acknowledgedInDatabase = async (id: string) =>
  (await db.prisma.riskAlert.findUniqueOrThrow({ where: { id } })).acknowledged;

describe('Mutation.acknowledgeRiskAlert', () => {
  it("refuses another user's alert with FORBIDDEN, an unknown one with NOT_FOUND, and changes nothing", async () => {
    const stranger = testIdentity(randomUUID());
    expect(
      errorCodes(await subgraphRequest(subgraph.url, ACKNOWLEDGE, { id: unacknowledged }, stranger)),
    ).toEqual(['FORBIDDEN']);
    const owner = testIdentity(DEMO_TRADER_ID);
    expect(errorCodes(await subgraphRequest(subgraph.url, ACKNOWLEDGE, { id: randomUUID() }, owner))).toEqual(
      ['NOT_FOUND'],
    );
    expect(errorCodes(await subgraphRequest(subgraph.url, ACKNOWLEDGE, { id: 'alert-1' }, owner))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(
      errorCodes(await subgraphRequest(subgraph.url, ACKNOWLEDGE, { id: unacknowledged }, null)),
    ).toEqual(['UNAUTHENTICATED']);
    expect(await acknowledgedInDatabase(unacknowledged)).toBe(false);
  });

  it("acknowledges the owner's alert, so it leaves their unacknowledged list, and again changes nothing", async () => {
    const owner = testIdentity(DEMO_TRADER_ID);
    for (let attempt = 0; attempt < 2; attempt++) {
      const response = await subgraphRequest(subgraph.url, ACKNOWLEDGE, { id: unacknowledged }, owner);
      expect(response.errors).toBeUndefined();
      expect(response.data).toEqual({ acknowledgeRiskAlert: { id: unacknowledged, acknowledged: true } });
    }
    expect(await acknowledgedInDatabase(unacknowledged)).toBe(true);
    const open = await subgraphRequest<{ riskProfile: { alerts: { edges: { node: { id: string } }[] } } }>(
      subgraph.url,
      'query($id: ID!) { riskProfile(id: $id) { alerts(unacknowledgedOnly: true) { edges { node { id } } } } }',
      { id: DEMO_RISK_PROFILE_ID },
      owner,
    );
    expect(open.data?.riskProfile.alerts.edges.map(({ node }) => node.id)).not.toContain(unacknowledged);
  });

  it("lets an admin acknowledge anyone's alert", async () => {
    const alert = await db.prisma.riskAlert.create({
      data: { riskProfileId: DEMO_RISK_PROFILE_ID, severity: 'WARNING', kind: 'TEST', message: 'test' },
    });
    const admin = testIdentity(randomUUID(), 'admin');
    const response = await subgraphRequest(subgraph.url, ACKNOWLEDGE, { id: alert.id }, admin);
    expect(response.errors).toBeUndefined();
    expect(await acknowledgedInDatabase(alert.id)).toBe(true);
  });
});
