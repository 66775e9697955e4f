import { print } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { demoInstrumentId } from '@mib/db';
import {
  CreatePriceAlertDocument,
  DeletePriceAlertDocument,
  OnPriceAlertTriggeredDocument,
  persistedQueryExtensions,
  PriceAlertsDocument,
  type OnPriceAlertTriggeredSubscription,
} from '@mib/sdk';
import { errorCodes, graphqlRequest, type GraphQLResponse } from '@mib/subgraph-kit/testing';
import { logInAsDemo, signUp, type Session } from './accounts.js';
import { startPlatformFixture, type PlatformFixture } from './platformFixture.js';

let platform: PlatformFixture;
let socket: Client;
/** Sets alerts and buys (the demo trader has the cash): the one told when they fire. */
let trader: Session;
/** The seller on the other side of each trade. */
let counterparty: Session;

beforeAll(async () => {
  platform = await startPlatformFixture();
  trader = await logInAsDemo(platform.gatewayUrl, 'trader');
  counterparty = await signUp(platform.gatewayUrl);
  socket = createClient({
    url: platform.gatewayUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${trader.accessToken}` },
    retryAttempts: 0,
  });
}, 120_000);

afterAll(async () => {
  await socket.dispose();
  await platform[Symbol.asyncDispose]();
});

const NVDA = demoInstrumentId('NVDA');

/** Runs one of the SDK's documents by its hash, as the front end does. */
async function run<Data>(document: object, variables: Record<string, unknown>, caller: Session) {
  const response = await fetch(platform.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...caller.headers },
    body: JSON.stringify({ variables, extensions: persistedQueryExtensions(document) }),
  });
  return { status: response.status, ...((await response.json()) as Omit<GraphQLResponse<Data>, 'status'>) };
}

async function createAlert(direction: 'ABOVE' | 'BELOW', price: string): Promise<string> {
  const response = await run<{ createPriceAlert: { id: string } }>(
    CreatePriceAlertDocument,
    { input: { instrumentId: NVDA, direction, price } },
    trader,
  );
  const id = response.data?.createPriceAlert.id;
  if (!id) throw new Error(`createPriceAlert failed: ${JSON.stringify(response.errors)}`);
  return id;
}

const PLACE = `mutation($input: PlaceOrderInput!) {
  placeOrder(input: $input) { __typename ... on OrderRejected { reason message } }
}`;

/** A resting sell of the counterparty, then the trader's buy into it: one trade of NVDA at `price`. */
async function tradeAt(price: string): Promise<void> {
  for (const [session, side] of [
    [counterparty, 'SELL'],
    [trader, 'BUY'],
  ] as const) {
    const response = await graphqlRequest<{ placeOrder: { __typename: string; message?: string } }>(
      platform.gatewayUrl,
      PLACE,
      { input: { instrumentId: NVDA, side, type: 'LIMIT', price, quantity: '1' } },
      session.headers,
    );
    expect(response.data?.placeOrder, JSON.stringify(response)).toMatchObject({
      __typename: 'OrderAccepted',
    });
  }
}

type Fired = OnPriceAlertTriggeredSubscription['priceAlertTriggered'];

describe('price alerts through the gateway', () => {
  it('tells the trader, live and once, when a trade crosses the alert price', async () => {
    const fired = socket.iterate<OnPriceAlertTriggeredSubscription>({
      query: print(OnPriceAlertTriggeredDocument),
    });
    const next = async (): Promise<Fired> => {
      const result = await fired.next();
      if (result.done || !result.value.data)
        throw new Error(`subscription ended: ${JSON.stringify(result.value)}`);
      return result.value.data.priceAlertTriggered;
    };
    // The subscription is live once the gateway has it upstream; until then a fired alert goes
    // untold. So set an alert and trade through it until one is told. Alerts of later rounds may
    // be told after the first: what follows passes over them.
    const warmUp = new Set<string>();
    const nextAfterWarmUp = async (): Promise<Fired> => {
      for (;;) {
        const alert = await next();
        if (!warmUp.has(alert.id)) return alert;
      }
    };
    let first = next();
    let told = false;
    void first.then(() => (told = true));
    await expect
      .poll(
        async () => {
          if (!told) {
            warmUp.add(await createAlert('ABOVE', '131.5'));
            await tradeAt('132');
          }
          return told;
        },
        { timeout: 30_000, interval: 500 },
      )
      .toBe(true);
    expect(await first).toMatchObject({
      instrument: { symbol: 'NVDA' },
      direction: 'ABOVE',
      triggerPrice: '132',
    });

    // Live now: of these two, the trade at 133.5 fires the ABOVE alert alone, and it is told once.
    const above = await createAlert('ABOVE', '133');
    const below = await createAlert('BELOW', '129');
    first = nextAfterWarmUp();
    await tradeAt('133.5');
    expect(await first).toMatchObject({
      id: above,
      instrument: { id: NVDA, symbol: 'NVDA' },
      direction: 'ABOVE',
      price: '133',
      triggerPrice: '133.5',
      triggeredAt: expect.any(String) as unknown,
    });

    const alerts = await run<{
      user: { priceAlerts: { edges: { node: { id: string; triggerPrice: string | null } }[] } };
    }>(PriceAlertsDocument, { userId: trader.userId, active: true }, trader);
    expect(alerts.data?.user.priceAlerts.edges.map((edge) => edge.node)).toEqual([
      expect.objectContaining({ id: below, triggerPrice: null }),
    ]);

    // A later trade through 129 fires the BELOW alert: the next payload is it, not the 133 again.
    first = nextAfterWarmUp();
    await tradeAt('128.5');
    expect(await first).toMatchObject({ id: below, triggerPrice: '128.5' });

    const deleted = await run(DeletePriceAlertDocument, { id: below }, counterparty);
    expect(errorCodes(deleted)).toEqual(['NOT_FOUND']);
    const own = await run<{ deletePriceAlert: { id: string } }>(
      DeletePriceAlertDocument,
      { id: below },
      trader,
    );
    expect(own.data?.deletePriceAlert.id).toBe(below);
    await fired.return?.();
  });
});
