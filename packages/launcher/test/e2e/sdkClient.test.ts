import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { demoInstrumentId } from '@mib/db';
import {
  MibApiError,
  MibClient,
  MySessionsDocument,
  OrderUpdatesDocument,
  type OrderUpdatesSubscription,
  PlaceOrderDocument,
  type MibClientOptions,
  type SessionTokens,
} from '@mib/sdk';
import { graphqlRequest } from '@mib/subgraph-kit/testing';
import { bearer } from './accounts.js';
import { startPlatformFixture, type PlatformFixture } from './platformFixture.js';

let platform: PlatformFixture;
const clients: MibClient[] = [];

beforeAll(async () => {
  platform = await startPlatformFixture();
}, 120_000);

afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await platform[Symbol.asyncDispose]();
});

function clientOf(options: Partial<MibClientOptions> = {}): MibClient {
  const client = new MibClient({ url: platform.gatewayUrl, webSocketImpl: WebSocket, ...options });
  clients.push(client);
  return client;
}

const newTrader = () => ({
  email: `sdk-${randomUUID()}@example.test`,
  password: `correct horse ${randomUUID()}`,
  displayName: 'SDK Trader',
});

/** A client signed up as a new trader, with every session change it told. */
async function signedUpClient(options: Partial<MibClientOptions> = {}) {
  const changes: (SessionTokens | null)[] = [];
  const client = clientOf({ onSessionChange: (session) => changes.push(session), ...options });
  const user = await client.signUp(newTrader());
  return { client, user, changes };
}

const restingBid = {
  instrumentId: demoInstrumentId('MSFT'),
  side: 'BUY',
  type: 'LIMIT',
  price: '1',
  quantity: '1',
} as const;

/**
 * Places resting bids until `updates` tells one of them (a subscription is live once the gateway
 * has it upstream: until then an order goes unseen). The update of one of those orders.
 */
async function untilLive(
  client: MibClient,
  updates: AsyncIterator<OrderUpdatesSubscription>,
): Promise<OrderUpdatesSubscription['myOrderUpdates']> {
  const placed = new Set<string>();
  const next = updates.next();
  let seen = false;
  void next.then(() => (seen = true));
  await expect
    .poll(
      async () => {
        if (!seen) {
          const { placeOrder } = await client.request(PlaceOrderDocument, { input: restingBid });
          if (placeOrder.__typename === 'OrderAccepted') placed.add(placeOrder.order.id);
        }
        return seen;
      },
      { timeout: 30_000, interval: 500 },
    )
    .toBe(true);
  // Earlier updates may still be on their way; the first of an order placed here shows it is live.
  for (let result = await next; ; result = await updates.next()) {
    if (result.done) throw new Error('the subscription ended');
    if (placed.has(result.value.myOrderUpdates.id)) return result.value.myOrderUpdates;
  }
}

describe('MibClient against the platform', () => {
  it('signs up, and its requests and subscriptions carry the session', async () => {
    const { client, user, changes } = await signedUpClient();
    expect(changes).toEqual([expect.objectContaining({ user })]);
    const { me } = await client.request(MySessionsDocument);
    expect(me?.sessions.filter((session) => session.current)).toHaveLength(1);

    const updates = client.subscribe(OrderUpdatesDocument);
    const update = await untilLive(client, updates);
    expect(update).toMatchObject({ status: 'OPEN', side: 'BUY' });
    await updates.return?.();
  });

  it('throws a MibApiError with the code of what went wrong', async () => {
    const { client } = await signedUpClient();
    const badQuantity = client.request(PlaceOrderDocument, { input: { ...restingBid, quantity: '-1' } });
    await expect(badQuantity).rejects.toBeInstanceOf(MibApiError);
    await expect(badQuantity).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });

    const anonymous = clientOf().request(MySessionsDocument);
    await expect(anonymous).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('replaces an access token about to expire, once for requests at the same time', async () => {
    let clockAhead = 0;
    const { client, changes } = await signedUpClient({ now: () => Date.now() + clockAhead });
    const first = changes[0]!;
    clockAhead = Date.parse(first.accessTokenExpiresAt) - Date.now();

    const answers = await Promise.all([1, 2, 3].map(() => client.request(MySessionsDocument)));
    expect(answers.every(({ me }) => me?.sessions.some((session) => session.current))).toBe(true);
    expect(changes).toHaveLength(2);
    expect(changes[1]?.refreshToken).not.toBe(first.refreshToken);
    expect(client.session).toBe(changes[1]);
    // Rotated: the first refresh token is spent.
    const spent = await graphqlRequest(
      platform.gatewayUrl,
      'mutation($t: String!) { refresh(refreshToken: $t) { accessToken } }',
      {
        t: first.refreshToken,
      },
    );
    expect(spent.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });

  it('is signed out when the session can no longer be refreshed', async () => {
    const { client: original } = await signedUpClient();
    const stale = original.session!;
    await original.logOut();

    const changes: (SessionTokens | null)[] = [];
    const restored = clientOf({
      session: stale,
      onSessionChange: (session) => changes.push(session),
      now: () => Date.parse(stale.accessTokenExpiresAt),
    });
    await expect(restored.request(MySessionsDocument)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(restored.session).toBeNull();
    expect(changes).toEqual([null]);
  });

  it('logs out: the session ends at the gateway, and so do its subscriptions', async () => {
    const { client, changes } = await signedUpClient();
    const tokens = client.session!;
    const updates = client.subscribe(OrderUpdatesDocument);
    const ended = updates.next();
    await client.logOut();
    expect(await ended).toEqual({ done: true, value: undefined });
    expect(changes.at(-1)).toBeNull();
    await expect(client.request(MySessionsDocument)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    const withOldToken = await graphqlRequest(
      platform.gatewayUrl,
      '{ me { id } }',
      {},
      bearer(tokens.accessToken),
    );
    expect(withOldToken.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });

  it('acts with an API key, within its scopes', async () => {
    const { client } = await signedUpClient();
    const created = await graphqlRequest<{ createApiKey: { key: string } }>(
      platform.gatewayUrl,
      'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { key } }',
      { input: { name: 'sdk test', scopes: ['orders:read'] } },
      bearer(client.session!.accessToken),
    );
    const apiKey = created.data!.createApiKey.key;
    const script = clientOf({ apiKey });
    await expect(script.request(PlaceOrderDocument, { input: restingBid })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});
