import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TRADER_ID, demoInstrumentId } from '@mib/db';
import { createTestDatabase, type TestDatabase } from '@mib/db/testing';
import { graphqlRequest } from '@mib/subgraph-kit/testing';
import { silentLogger } from '@mib/telemetry';
import { loadLauncherConfig } from '../src/config.js';
import { startPlatform, type RunningPlatform } from '../src/startPlatform.js';

let db: TestDatabase;
let platform: RunningPlatform;

beforeAll(async () => {
  db = await createTestDatabase();
  const config = loadLauncherConfig({ DATABASE_URL: db.url, PORT: '0', ENGINE_PORT: '0' });
  platform = await startPlatform(config, silentLogger());
}, 120_000);

afterAll(async () => {
  await platform.stop();
  await db[Symbol.asyncDispose]();
});

describe('the platform in one process', () => {
  it('seeds the demo data and serves it through the gateway', async () => {
    const response = await graphqlRequest<{ user: { displayName: string; portfolio: { cash: string } } }>(
      platform.gatewayUrl,
      'query($id: ID!) { user(id: $id) { displayName portfolio { cash } } }',
      { id: DEMO_TRADER_ID },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.user.portfolio.cash).toMatch(/^\d+(\.\d+)?$/);
  });

  it('places an order through the gateway into the engine', async () => {
    const response = await graphqlRequest<{
      placeOrder: { __typename: string; order?: { status: string; instrument: { symbol: string } } };
    }>(
      platform.gatewayUrl,
      `mutation($input: PlaceOrderInput!) {
        placeOrder(input: $input) {
          __typename
          ... on OrderAccepted { order { status instrument { symbol } } }
          ... on OrderRejected { reason message }
        }
      }`,
      {
        input: {
          instrumentId: demoInstrumentId('MSFT'),
          side: 'BUY',
          type: 'LIMIT',
          price: '400.00',
          quantity: '1',
        },
      },
      { authorization: `Bearer ${DEMO_TRADER_ID}` },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.placeOrder).toEqual({
      __typename: 'OrderAccepted',
      order: { status: 'OPEN', instrument: { symbol: 'MSFT' } },
    });
  });
});
