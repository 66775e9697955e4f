import { print } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { DEMO_TRADER_ID, demoInstrumentId } from '@mib/db';
import { MyTradesDocument, type MyTradesQuery } from '@mib/sdk';
import { errorCodes, graphqlRequest } from '@mib/subgraph-kit/testing';
import { logInAsDemo, signUp, type Session } from './accounts.js';
import { startPlatformFixture, type PlatformFixture } from './platformFixture.js';

let platform: PlatformFixture;
const sockets: Client[] = [];
/** The demo trader, signed in with the seeded password. */
let trader: Session;
/** A second trader, the other side of the demo trader's trades. */
let counterparty: Session;

beforeAll(async () => {
  platform = await startPlatformFixture();
  trader = await logInAsDemo(platform.gatewayUrl, 'trader');
  counterparty = await signUp(platform.gatewayUrl);
}, 120_000);

afterAll(async () => {
  await Promise.all(sockets.map(async (socket) => socket.dispose()));
  await platform[Symbol.asyncDispose]();
});

/** A graphql-ws client of the gateway, signed in as `session` (its token in `connection_init`). */
function subscribeAs(session: Session): Client {
  const client = createClient({
    url: platform.gatewayUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${session.accessToken}` },
    retryAttempts: 0,
  });
  sockets.push(client);
  return client;
}

/** The data of a subscription's next payload; fails if the stream ends or errs instead. */
async function nextData<Data>(
  stream: AsyncIterator<{ data?: Data | null | undefined }>,
): Promise<NonNullable<Data>> {
  const next: IteratorResult<{ data?: Data | null | undefined }, unknown> = await stream.next();
  const data = next.done ? undefined : next.value.data;
  if (data === undefined || data === null)
    throw new Error(`subscription ended: ${JSON.stringify(next.value)}`);
  return data;
}

const PLACE = `mutation($input: PlaceOrderInput!) {
  placeOrder(input: $input) { __typename ... on OrderAccepted { order { id status } } ... on OrderRejected { reason message } }
}`;

function placeOrder(session: Session, input: Record<string, unknown>) {
  return graphqlRequest<{ placeOrder: { __typename: string; order?: { id: string; status: string } } }>(
    platform.gatewayUrl,
    PLACE,
    { input },
    session.headers,
  );
}

interface QuoteUpdate {
  quotes: { instrument: { symbol: string }; quote: { last: string | null } };
}

interface OrderUpdate {
  myOrderUpdates: {
    id: string;
    status: string;
    filledQuantity: string;
    instrument: { symbol: string; name: string };
  };
}

describe('live trading through the gateway', () => {
  it("streams the trader's fill with fields from other subgraphs", async () => {
    const quotes = subscribeAs(trader).iterate<QuoteUpdate>({
      query: 'subscription { quotes(symbols: ["NVDA"]) { instrument { symbol } quote { last } } }',
    });
    // Opened first, so it is live upstream by the time the order updates are (polled below).
    const trades = subscribeAs(trader).iterate<{
      myTrades: { side: string | null; price: string; quantity: string };
    }>({
      query: 'subscription { myTrades { side price quantity } }',
    });
    const updates = subscribeAs(trader).iterate<OrderUpdate>({
      query: 'subscription { myOrderUpdates { id status filledQuantity instrument { symbol name } } }',
    });
    const instrumentId = demoInstrumentId('NVDA');
    // The subscription is live once the gateway has it upstream; until then orders go unseen, so
    // keep resting small bids (far from the market) until one comes through.
    const firstUpdate = nextData(updates);
    let seen = false;
    void firstUpdate.then(() => (seen = true));
    await expect
      .poll(
        async () => {
          if (!seen)
            await placeOrder(trader, {
              instrumentId,
              side: 'BUY',
              type: 'LIMIT',
              price: '1',
              quantity: '1',
            });
          return seen;
        },
        { timeout: 30_000, interval: 500 },
      )
      .toBe(true);
    expect((await firstUpdate).myOrderUpdates).toMatchObject({
      status: 'OPEN',
      instrument: { symbol: 'NVDA' },
    });

    const sell = await placeOrder(counterparty, {
      instrumentId,
      side: 'SELL',
      type: 'LIMIT',
      price: '130',
      quantity: '2',
    });
    expect(sell.data?.placeOrder.__typename).toBe('OrderAccepted');
    const buy = await placeOrder(trader, {
      instrumentId,
      side: 'BUY',
      type: 'LIMIT',
      price: '130',
      quantity: '2',
    });
    expect(buy.data?.placeOrder.__typename).toBe('OrderAccepted');
    const buyId = buy.data?.placeOrder.order?.id;

    for (;;) {
      const update = (await nextData(updates)).myOrderUpdates;
      if (update.id !== buyId || update.status !== 'FILLED') continue;
      expect(update).toEqual({
        id: buyId,
        status: 'FILLED',
        filledQuantity: '2',
        instrument: { symbol: 'NVDA', name: expect.any(String) as unknown },
      });
      break;
    }
    await updates.return?.();
    // The trader's side of the fill, from the event: the taker's own row may not be written yet.
    expect((await nextData(trades)).myTrades).toEqual({ side: 'BUY', price: '130', quantity: '2' });
    await trades.return?.();

    // The trade moved the market: the quote stream shows it as the last price.
    for (;;) {
      const update = (await nextData(quotes)).quotes;
      if (update.quote.last !== '130') continue;
      expect(update.instrument.symbol).toBe('NVDA');
      break;
    }
    await quotes.return?.();

    // The read model catches up: the order is FILLED with its trade when queried.
    await expect
      .poll(
        async () => {
          const response = await graphqlRequest<{
            order: { status: string; trades: { price: string; quantity: string }[] };
          }>(
            platform.gatewayUrl,
            'query($id: ID!) { order(id: $id) { status trades { price quantity } } }',
            { id: buyId },
            trader.headers,
          );
          return response.data?.order;
        },
        { timeout: 15_000 },
      )
      .toEqual({ status: 'FILLED', trades: [{ price: '130', quantity: '2' }] });
  }, 90_000);

  it("lists a fill on both traders' blotters, each with their own side", async () => {
    const buyer = await signUp(platform.gatewayUrl);
    const instrumentId = demoInstrumentId('MSFT');
    const order = { instrumentId, type: 'LIMIT', price: '400', quantity: '1' };
    expect((await placeOrder(counterparty, { ...order, side: 'SELL' })).data?.placeOrder.__typename).toBe(
      'OrderAccepted',
    );
    expect((await placeOrder(buyer, { ...order, side: 'BUY' })).data?.placeOrder.__typename).toBe(
      'OrderAccepted',
    );
    const blotter = (reader: Session, userId: string) =>
      graphqlRequest<MyTradesQuery>(platform.gatewayUrl, print(MyTradesDocument), { userId }, reader.headers);

    // The read model records the trade from the engine's events.
    await expect
      .poll(
        async () => (await blotter(buyer, buyer.userId)).data?.user?.trades.edges.map((edge) => edge.node),
        {
          timeout: 15_000,
        },
      )
      .toEqual([
        {
          id: expect.any(String) as unknown,
          instrument: { id: instrumentId, symbol: 'MSFT' },
          side: 'BUY',
          price: '400',
          quantity: '1',
          executedAt: expect.any(String) as unknown,
        },
      ]);
    const sellers = await blotter(counterparty, counterparty.userId);
    expect(sellers.data?.user?.trades.edges[0]?.node).toMatchObject({ side: 'SELL', price: '400' });
    expect(errorCodes(await blotter(counterparty, buyer.userId))).toEqual(['FORBIDDEN']);
  }, 60_000);

  it('shows the position in the portfolio and raises a live risk alert on a breach', async () => {
    const instrumentId = demoInstrumentId('AMZN');
    const alerts = subscribeAs(trader).iterate<{ riskAlerts: { kind: string; severity: string } }>({
      query: 'subscription { riskAlerts { kind severity } }',
    });
    const firstAlert = nextData(alerts);
    // Limits are an admin's to set.
    const admin = await logInAsDemo(platform.gatewayUrl, 'admin');
    const limits = await graphqlRequest<{ setRiskLimits: { maxPositionNotional: string } }>(
      platform.gatewayUrl,
      `mutation($input: SetRiskLimitsInput!) { setRiskLimits(input: $input) { maxPositionNotional } }`,
      {
        input: {
          userId: DEMO_TRADER_ID,
          maxOrderQuantity: '1000',
          maxOrderNotional: '1000000',
          maxPositionNotional: '1000',
          maxPosition: '1000000',
          maxOpenOrders: 100,
          priceBandBps: 1000,
        },
      },
      admin.headers,
    );
    expect(limits.errors).toBeUndefined();

    // A fill of 10 × 190 = 1 900 takes the trader's AMZN position over the 1 000 limit.
    expect(
      (
        await placeOrder(counterparty, {
          instrumentId,
          side: 'SELL',
          type: 'LIMIT',
          price: '190',
          quantity: '10',
        })
      ).data?.placeOrder.__typename,
    ).toBe('OrderAccepted');
    expect(
      (
        await placeOrder(trader, {
          instrumentId,
          side: 'BUY',
          type: 'LIMIT',
          price: '190',
          quantity: '10',
        })
      ).data?.placeOrder.__typename,
    ).toBe('OrderAccepted');

    expect((await firstAlert).riskAlerts).toEqual({
      kind: 'POSITION_LIMIT_EXCEEDED',
      severity: expect.any(String) as unknown,
    });
    await alerts.return?.();

    await expect
      .poll(
        async () => {
          const response = await graphqlRequest<{
            user: {
              portfolio: {
                positions: { edges: { node: { quantity: string; instrument: { symbol: string } } }[] };
              };
            };
          }>(
            platform.gatewayUrl,
            'query($id: ID!) { user(id: $id) { portfolio { positions(first: 50) { edges { node { quantity instrument { symbol } } } } } } }',
            { id: DEMO_TRADER_ID },
            trader.headers,
          );
          return response.data?.user.portfolio.positions.edges.find(
            (edge) => edge.node.instrument.symbol === 'AMZN',
          )?.node.quantity;
        },
        { timeout: 15_000 },
      )
      .toBe('10');
  }, 90_000);
});
