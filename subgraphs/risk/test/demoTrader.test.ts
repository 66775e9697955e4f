import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_RISK_PROFILE_ID, DEMO_TRADER_ID, seedDemoData } from '@mib/db';
import { adminRequest, startSubgraphFixture, type SubgraphFixture } from '@mib/subgraph-kit/testing';
import { riskSubgraph } from '../src/index.js';

let fixture: SubgraphFixture<void>;
beforeAll(async () => {
  fixture = await startSubgraphFixture(riskSubgraph, { seed: seedDemoData });
});
afterAll(() => fixture[Symbol.asyncDispose]());

describe("the demo trader's risk profile", () => {
  it('serves the seeded limits and alerts, newest first, and only the open one when asked', async () => {
    const response = await adminRequest(
      fixture.url,
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
