import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_RISK_PROFILE_ID, DEMO_TRADER_ID, seedDemoData } from '@mib/db';
import { createTestDatabase, type TestDatabase } from '@mib/db/testing';
import type { RunningService } from '@mib/subgraph-kit';
import {
  entityAnswersByCaller,
  errorCodes,
  startSubgraphForTest,
  subgraphRequest,
  testIdentity,
} from '@mib/subgraph-kit/testing';
import { riskSubgraph } from '../src/index.js';

let db: TestDatabase;
let subgraph: RunningService & AsyncDisposable;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemoData(db.prisma);
  subgraph = await startSubgraphForTest(riskSubgraph, db.prisma);
});

afterAll(async () => {
  await subgraph[Symbol.asyncDispose]();
  await db[Symbol.asyncDispose]();
});

const BY_ID =
  'query($id: ID!) { riskProfile(id: $id) { id maxOrderQuantity alerts { edges { node { id } } } } }';
const OF_USER = `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { riskProfile { id } } } }`;
const demoTrader = { r: [{ __typename: 'User', id: DEMO_TRADER_ID }] };
const ENTITIES = `query($r: [_Any!]!) {
  _entities(representations: $r) {
    ... on RiskProfile { id maxOrderQuantity exposure { grossNotional } }
    ... on RiskAlert { id message }
  }
}`;

describe('a risk profile is seen only by its owner and admins', () => {
  it('serves the owner, and an analyst reading their own', async () => {
    for (const role of ['trader', 'analyst'] as const) {
      const response = await subgraphRequest(
        subgraph.url,
        BY_ID,
        { id: DEMO_RISK_PROFILE_ID },
        testIdentity(DEMO_TRADER_ID, role),
      );
      expect(response.errors).toBeUndefined();
    }
    expect(
      (await subgraphRequest(subgraph.url, OF_USER, demoTrader, testIdentity(DEMO_TRADER_ID))).data,
    ).toEqual({
      _entities: [{ riskProfile: { id: DEMO_RISK_PROFILE_ID } }],
    });
  });

  it('refuses another user with FORBIDDEN, by id and through the user', async () => {
    const stranger = testIdentity(randomUUID());
    expect(
      errorCodes(await subgraphRequest(subgraph.url, BY_ID, { id: DEMO_RISK_PROFILE_ID }, stranger)),
    ).toEqual(['FORBIDDEN']);
    expect(errorCodes(await subgraphRequest(subgraph.url, OF_USER, demoTrader, stranger))).toEqual([
      'FORBIDDEN',
    ]);
    const admin = await subgraphRequest(
      subgraph.url,
      OF_USER,
      demoTrader,
      testIdentity(randomUUID(), 'admin'),
    );
    expect(admin.errors).toBeUndefined();
  });

  it("refuses another user's profile and alerts through entity references with FORBIDDEN", async () => {
    const alert = await db.prisma.riskAlert.findFirstOrThrow({
      where: { riskProfileId: DEMO_RISK_PROFILE_ID },
    });
    const answers = await entityAnswersByCaller(
      subgraph.url,
      ENTITIES,
      [
        { __typename: 'RiskProfile', id: DEMO_RISK_PROFILE_ID },
        { __typename: 'RiskAlert', id: alert.id },
      ],
      DEMO_TRADER_ID,
    );
    expect(answers.stranger).toEqual({ codes: ['FORBIDDEN', 'FORBIDDEN'], entities: [null, null] });
    expect(answers.anonymous.codes).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED']);
    for (const allowed of [answers.owner, answers.admin]) {
      expect(allowed.codes).toEqual([]);
      expect(allowed.entities).toHaveLength(2);
    }
  });
});
