import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_RISK_PROFILE_ID, DEMO_TRADER_ID, seedDemoData } from '@mib/db';
import {
  entityAccessByCaller,
  errorCodes,
  subgraphRequest,
  testIdentity,
  OWNER_AND_ADMINS_ONLY,
  startSubgraphFixture,
  type SubgraphFixture,
} from '@mib/subgraph-kit/testing';
import { riskSubgraph } from '../src/index.js';

let fixture: SubgraphFixture<void>;
beforeAll(async () => {
  fixture = await startSubgraphFixture(riskSubgraph, { seed: seedDemoData });
});
afterAll(() => fixture[Symbol.asyncDispose]());

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
        fixture.url,
        BY_ID,
        { id: DEMO_RISK_PROFILE_ID },
        testIdentity(DEMO_TRADER_ID, role),
      );
      expect(response.errors).toBeUndefined();
    }
    expect(
      (await subgraphRequest(fixture.url, OF_USER, demoTrader, testIdentity(DEMO_TRADER_ID))).data,
    ).toEqual({
      _entities: [{ riskProfile: { id: DEMO_RISK_PROFILE_ID } }],
    });
  });

  it('refuses another user with FORBIDDEN, by id and through the user', async () => {
    const stranger = testIdentity(randomUUID());
    expect(
      errorCodes(await subgraphRequest(fixture.url, BY_ID, { id: DEMO_RISK_PROFILE_ID }, stranger)),
    ).toEqual(['FORBIDDEN']);
    expect(errorCodes(await subgraphRequest(fixture.url, OF_USER, demoTrader, stranger))).toEqual([
      'FORBIDDEN',
    ]);
    const admin = await subgraphRequest(
      fixture.url,
      OF_USER,
      demoTrader,
      testIdentity(randomUUID(), 'admin'),
    );
    expect(admin.errors).toBeUndefined();
  });

  it("refuses another user's profile and alerts through entity references with FORBIDDEN", async () => {
    const alert = await fixture.db.prisma.riskAlert.findFirstOrThrow({
      where: { riskProfileId: DEMO_RISK_PROFILE_ID },
    });
    const references = [
      { __typename: 'RiskProfile', id: DEMO_RISK_PROFILE_ID },
      { __typename: 'RiskAlert', id: alert.id },
    ];
    expect(await entityAccessByCaller(fixture.url, ENTITIES, references, DEMO_TRADER_ID)).toEqual(
      OWNER_AND_ADMINS_ONLY,
    );
  });
});
