import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_RISK_PROFILE_ID, DEMO_TRADER_ID, seedDemoData } from '@mib/db';
import { createTestDatabase, type TestDatabase } from '@mib/db/testing';
import type { RunningService } from '@mib/subgraph-kit';
import { adminRequest, startSubgraphForTest } from '@mib/subgraph-kit/testing';
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

describe("the demo trader's risk profile", () => {
  it('serves the seeded limits and alerts, newest first, and only the open one when asked', async () => {
    const response = await adminRequest(
      subgraph.url,
      `query($r: [_Any!]!) {
        _entities(representations: $r) {
          ... on User {
            riskProfile {
              id maxOrderQuantity maxOrderNotional maxPositionNotional maxOpenOrders priceBandBps
              all: alerts { edges { node { kind acknowledged } } }
              open: alerts(unacknowledgedOnly: true) { edges { node { kind } } }
            }
          }
        }
      }`,
      { r: [{ __typename: 'User', id: DEMO_TRADER_ID }] },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({
      _entities: [
        {
          riskProfile: {
            id: DEMO_RISK_PROFILE_ID,
            maxOrderQuantity: '100000',
            maxOrderNotional: '100000',
            maxPositionNotional: '250000',
            maxOpenOrders: 25,
            priceBandBps: 500,
            all: {
              edges: [
                { node: { kind: 'PRICE_BAND', acknowledged: true } },
                { node: { kind: 'POSITION_CONCENTRATION', acknowledged: false } },
              ],
            },
            open: { edges: [{ node: { kind: 'POSITION_CONCENTRATION' } }] },
          },
        },
      ],
    });
  });
});
