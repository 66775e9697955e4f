import { randomUUID } from 'node:crypto';
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_ANALYST_ID, demoInstrumentId } from '@mib/db';
import { liveEventsOf } from '@mib/subgraph-kit';
import { connectSubgraph, subgraphRequest, subscribeAs, testIdentity } from '@mib/subgraph-kit/testing';
import { LIVE_ORDER_TOPICS } from '../src/ordersRuntime.js';
import { startTradingFixture, type TradingFixture } from './tradingFixture.js';

let fixture: TradingFixture;
let client: Client;
beforeAll(async () => {
  fixture = await startTradingFixture({ engineEvents: true });
  client = connectSubgraph(fixture.subgraph.url);
});
afterAll(async () => {
  await client.dispose();
  await fixture[Symbol.asyncDispose]();
});

const GOOGL = demoInstrumentId('GOOGL');
const ORDER_FIELDS = 'id status type side price quantity filledQuantity remainingQuantity rejectReason';

interface Placed {
  placeOrder: { order?: { id: string }; reason?: string; rejectedOrder?: { id: string } | null };
}

const place = async (userId: string, input: Record<string, unknown>) => {
  const response = await subgraphRequest<Placed>(
    fixture.subgraph.url,
    `mutation($input: PlaceOrderInput!) {
      placeOrder(input: $input) {
        ... on OrderAccepted { order { id } }
        ... on OrderRejected { reason rejectedOrder { id } }
      }
    }`,
    { input: { instrumentId: GOOGL, ...input } },
    testIdentity(userId),
  );
  expect(response.errors).toBeUndefined();
  return response.data?.placeOrder;
};

/** The order as `User.orders` lists it for its owner. */
async function listed(userId: string, id: string) {
  const response = await subgraphRequest<{ _entities: { orders: { edges: { node: { id: string } }[] } }[] }>(
    fixture.subgraph.url,
    `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { orders(first: 50) { edges { node { ${ORDER_FIELDS} } } } } } }`,
    { r: [{ __typename: 'User', id: userId }] },
    testIdentity(userId),
  );
  return response.data?._entities[0]?.orders.edges.find((edge) => edge.node.id === id)?.node;
}

it('streams a refused new order as User.orders lists it, and nothing for a refused amend', async () => {
  const trader = randomUUID();
  // A first trade at 170 sets the price band (±10 %) that the amend below breaks.
  await place(DEMO_ANALYST_ID, { side: 'SELL', type: 'LIMIT', price: '170', quantity: '1' });
  await place(randomUUID(), { side: 'BUY', type: 'LIMIT', price: '170', quantity: '1' });
  await place(DEMO_ANALYST_ID, { side: 'SELL', type: 'LIMIT', price: '172', quantity: '5' });

  const live = liveEventsOf(fixture.events, LIVE_ORDER_TOPICS);
  const subscription = subscribeAs(
    client,
    testIdentity(trader),
    `subscription { myOrderUpdates { ${ORDER_FIELDS} } }`,
  );
  await expect.poll(() => live.subscribers).toBe(1);

  const refused = await place(trader, { side: 'BUY', type: 'POST_ONLY', price: '172', quantity: '2' });
  expect(refused?.reason).toBe('POST_ONLY_WOULD_CROSS');
  const rejectedId = refused?.rejectedOrder?.id ?? '';
  const first = await subscription.next(10_000);
  expect(first.errors).toBeUndefined();
  expect(first.data?.['myOrderUpdates']).toEqual(await listed(trader, rejectedId));
  expect(first.data?.['myOrderUpdates']).toMatchObject({
    id: rejectedId,
    status: 'REJECTED',
    rejectReason: 'POST_ONLY_WOULD_CROSS',
  });

  const resting = (await place(trader, { side: 'BUY', type: 'LIMIT', price: '165', quantity: '2' }))?.order
    ?.id;
  expect((await subscription.next(10_000)).data?.['myOrderUpdates']).toMatchObject({
    id: resting,
    status: 'OPEN',
  });
  const amend = await subgraphRequest<{ amendOrder: { reason?: string } }>(
    fixture.subgraph.url,
    'mutation($input: AmendOrderInput!) { amendOrder(input: $input) { ... on OrderRejected { reason } } }',
    { input: { id: resting, price: '100' } },
    testIdentity(trader),
  );
  expect(amend.data?.amendOrder.reason).toBe('PRICE_OUTSIDE_BAND');
  await subgraphRequest(
    fixture.subgraph.url,
    'mutation($id: ID!) { cancelOrder(id: $id) { __typename } }',
    { id: resting },
    testIdentity(trader),
  );
  // The refused amend sent nothing: the next update is the cancel, and the order never REJECTED.
  expect((await subscription.next(10_000)).data?.['myOrderUpdates']).toMatchObject({
    id: resting,
    status: 'CANCELLED',
  });
  await subscription.close();
});
