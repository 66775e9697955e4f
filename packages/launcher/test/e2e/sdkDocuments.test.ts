/**
 * The SDK's documents for order tickets, charts, API keys, TOTP and the admin desks, run through
 * a production-like gateway (only registered documents) by `MibClient`, as a front end sends them.
 */
import { randomUUID } from 'node:crypto';
import { TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { DEMO_PASSWORDS, demoInstrumentId } from '@mib/db';
import {
  AmendOrderDocument,
  CandlesDocument,
  CandleUpdatesDocument,
  ConfirmTotpDocument,
  CreateApiKeyDocument,
  DisableTotpDocument,
  EnrolTotpDocument,
  FillsDocument,
  IndicatorsDocument,
  InstrumentDocument,
  InstrumentsDocument,
  IssuePasswordResetDocument,
  MibClient,
  MyAccountDocument,
  MyApiKeysDocument,
  MyOrdersDocument,
  OrderBookDocument,
  OrderBookUpdatesDocument,
  OrderDetailDocument,
  PlaceOrderDocument,
  type PlaceOrderInput,
  ResetPasswordDocument,
  RevokeApiKeyDocument,
  RiskProfileDocument,
  SetInstrumentTradingDocument,
  SetRiskLimitsDocument,
  UsersDocument,
} from '@mib/sdk';
import { startPlatformFixture, type PlatformFixture } from './platformFixture.js';

let platform: PlatformFixture;
const clients: MibClient[] = [];
/** Two signed-up traders, the two sides of each other's trades. */
let buyer: Trader;
let seller: Trader;
let admin: MibClient;

interface Trader {
  readonly client: MibClient;
  readonly id: string;
  readonly email: string;
  readonly password: string;
}

beforeAll(async () => {
  platform = await startPlatformFixture({ TRUSTED_DOCUMENTS: 'enforce' });
  [buyer, seller] = await Promise.all([signUp(), signUp()]);
  admin = clientOf();
  const adminEmail = 'admin@demo.mib.local';
  await admin.logIn({ email: adminEmail, password: DEMO_PASSWORDS[adminEmail]! });
}, 120_000);

afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await platform[Symbol.asyncDispose]();
});

function clientOf(options: { apiKey?: string } = {}): MibClient {
  const client = new MibClient({ url: platform.gatewayUrl, webSocketImpl: WebSocket, ...options });
  clients.push(client);
  return client;
}

async function signUp(): Promise<Trader> {
  const client = clientOf();
  const email = `sdk-docs-${randomUUID()}@example.test`;
  const password = `correct horse ${randomUUID()}`;
  const { id } = await client.signUp({ email, password, displayName: 'SDK Documents' });
  return { client, id, email, password };
}

/** Places a limit order and returns it; fails unless the engine accepted it. */
async function placeLimit(trader: Trader, input: Omit<PlaceOrderInput, 'type'>) {
  const { placeOrder } = await trader.client.request(PlaceOrderDocument, {
    input: { ...input, type: 'LIMIT' },
  });
  if (placeOrder.__typename !== 'OrderAccepted') throw new Error(`refused: ${placeOrder.message}`);
  return placeOrder.order;
}

/**
 * The first payload of `stream`, doing `act` until it comes: a subscription is live once the
 * gateway has it upstream, and events before that go unseen.
 */
async function firstWhile<T>(stream: AsyncIterator<T>, act: () => Promise<unknown>): Promise<T> {
  let result: IteratorResult<T> | undefined;
  let failure: Error | undefined;
  stream.next().then(
    (next) => (result = next),
    (error: unknown) => (failure = error instanceof Error ? error : new Error(String(error))),
  );
  await expect
    .poll(
      async () => {
        if (failure !== undefined) throw failure;
        if (result === undefined) await act();
        return result !== undefined;
      },
      { timeout: 20_000, interval: 500 },
    )
    .toBe(true);
  if (!result || result.done) throw new Error('the subscription ended');
  return result.value;
}

const anyString = expect.any(String) as unknown;

describe('the SDK documents through a trusted-documents gateway', () => {
  it('amends an order, looks it up, and shows it on the book', async () => {
    const instrumentId = demoInstrumentId('JPM');
    const order = await placeLimit(buyer, { instrumentId, side: 'BUY', price: '200', quantity: '5' });
    const { amendOrder } = await buyer.client.request(AmendOrderDocument, {
      input: { id: order.id, price: '201', quantity: '3' },
    });
    expect(amendOrder).toMatchObject({
      __typename: 'OrderAmended',
      order: { id: order.id, status: 'OPEN', price: '201', quantity: '3', remainingQuantity: '3' },
    });

    const { order: detail } = await buyer.client.request(OrderDetailDocument, { id: order.id });
    expect(detail).toMatchObject({
      id: order.id,
      price: '201',
      quantity: '3',
      rejectReason: null,
      trades: [],
    });
    expect(detail?.createdAt).toEqual(anyString);
    await expect(seller.client.request(OrderDetailDocument, { id: order.id })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });

    const { orderBook } = await buyer.client.request(OrderBookDocument, { symbol: 'JPM', depth: 5 });
    expect(orderBook).toEqual({
      instrument: { id: instrumentId, symbol: 'JPM' },
      bids: [{ price: '201', quantity: '3', orders: 1 }],
      asks: [],
    });
  });

  it('streams the order book: a snapshot at once, another after a change', async () => {
    const updates = buyer.client.subscribe(OrderBookUpdatesDocument, { symbol: 'META', depth: 5 });
    let placed = false;
    for await (const { orderBook } of updates) {
      expect(orderBook.instrument.symbol).toBe('META');
      if (!placed) {
        // The snapshot sent at once: the subscription is live upstream.
        placed = true;
        await placeLimit(seller, {
          instrumentId: demoInstrumentId('META'),
          side: 'SELL',
          price: '600',
          quantity: '2',
        });
        continue;
      }
      if (orderBook.asks.length === 0) continue;
      expect(orderBook.asks).toEqual([{ price: '600', quantity: '2', orders: 1 }]);
      break;
    }
  });

  it('charts an instrument: candles newest first, indicators aligned oldest first', async () => {
    const { instrumentBySymbol: chart } = await buyer.client.request(CandlesDocument, {
      symbol: 'AAPL',
      interval: 'D1',
      first: 5,
    });
    const bars = chart?.candles ?? [];
    expect(bars).toHaveLength(5);
    const openTimes = bars.map((bar) => Date.parse(bar.openTime));
    expect(openTimes).toEqual([...openTimes].sort((a, b) => b - a));
    for (const bar of bars) expect(Number(bar.high)).toBeGreaterThanOrEqual(Number(bar.low));

    const { instrumentBySymbol: studies } = await buyer.client.request(IndicatorsDocument, {
      symbol: 'AAPL',
      interval: 'D1',
      last: 20,
      smaPeriod: 5,
    });
    const indicators = studies!.indicators;
    expect(indicators.openTimes).toHaveLength(20);
    expect(indicators.openTimes.at(-1)).toBe(bars[0]!.openTime);
    expect(indicators.closes.at(-1)).toBe(Number(bars[0]!.close));
    // A 5-bar average warms up over the first four bars.
    expect(indicators.sma.slice(0, 4)).toEqual([null, null, null, null]);
    expect(indicators.sma[4]).toBeCloseTo(indicators.closes.slice(0, 5).reduce((sum, c) => sum + c, 0) / 5);
    expect(indicators.macd.line).toHaveLength(20);
    expect(indicators.bollingerBands.upper).toHaveLength(20);
  });

  it("streams the buyer's fills and the closed candles of their trades", async () => {
    const instrumentId = demoInstrumentId('V');
    const fills = buyer.client.subscribe(FillsDocument);
    const candles = buyer.client.subscribe(CandleUpdatesDocument, { symbol: 'V', interval: 'S1' });
    const cross = async () => {
      await placeLimit(seller, { instrumentId, side: 'SELL', price: '290', quantity: '1' });
      await placeLimit(buyer, { instrumentId, side: 'BUY', price: '290', quantity: '1' });
    };
    const { myTrades } = await firstWhile(fills, cross);
    expect(myTrades).toEqual({
      id: anyString,
      instrument: { id: instrumentId, symbol: 'V' },
      side: 'BUY',
      price: '290',
      quantity: '1',
      executedAt: anyString,
    });
    // A one-second bar closes with the first command on V after its second is over.
    const { candles: bar } = await firstWhile(candles, cross);
    expect(bar).toMatchObject({ instrument: { symbol: 'V' }, interval: 'S1', close: '290' });
    await Promise.all([fills.return?.(), candles.return?.()]);
  });

  it('creates an API key that works, lists it, and revokes it', async () => {
    const { createApiKey } = await buyer.client.request(CreateApiKeyDocument, {
      input: { name: 'blotter export', scopes: ['orders:read'] },
    });
    expect(createApiKey.key).toMatch(/^mib_/);
    expect(createApiKey.apiKey).toMatchObject({
      name: 'blotter export',
      scopes: ['orders:read'],
      revokedAt: null,
    });
    const { me } = await buyer.client.request(MyApiKeysDocument);
    expect(me.apiKeys[0]).toEqual(createApiKey.apiKey);

    const script = clientOf({ apiKey: createApiKey.key });
    const { user } = await script.request(MyOrdersDocument, { userId: buyer.id });
    expect(user?.orders.edges.length).toBeGreaterThan(0);

    // Not asserted: that the key is refused next. The gateway remembers a key's answer for 30 s
    // (ApiKeyAuthenticator), so a key used just before its revocation works on for up to that.
    const { revokeApiKey } = await buyer.client.request(RevokeApiKeyDocument, { id: createApiKey.apiKey.id });
    expect(revokeApiKey).toMatchObject({ id: createApiKey.apiKey.id, revokedAt: anyString });
    const after = await buyer.client.request(MyApiKeysDocument);
    expect(after.me.apiKeys.find((key) => key.id === revokeApiKey.id)?.revokedAt).toEqual(anyString);
  });

  it('enrols and confirms TOTP, which login then needs, and turns it off with a recovery code', async () => {
    const trader = await signUp();
    const { enrolTotp } = await trader.client.request(EnrolTotpDocument);
    expect(enrolTotp.uri).toContain(`secret=${enrolTotp.secret}`);
    const code = new TOTP({ secret: enrolTotp.secret, algorithm: 'SHA1', digits: 6, period: 30 }).generate();
    const { confirmTotp } = await trader.client.request(ConfirmTotpDocument, {
      code,
      currentPassword: trader.password,
    });
    expect(confirmTotp.codes).toHaveLength(10);
    const { me } = await trader.client.request(MyAccountDocument);
    expect(me).toMatchObject({
      id: trader.id,
      email: trader.email,
      totpEnabled: true,
      recoveryCodesRemaining: 10,
    });
    await expect(clientOf().logIn({ email: trader.email, password: trader.password })).rejects.toMatchObject({
      code: 'MFA_REQUIRED',
    });

    const { disableTotp } = await trader.client.request(DisableTotpDocument, { code: confirmTotp.codes[0]! });
    expect(disableTotp).toEqual({
      id: trader.id,
      totpEnabled: false,
      recoveryCodesRemaining: 0,
    });
    await clientOf().logIn({ email: trader.email, password: trader.password });
  });

  it('lists instruments and halts one, for the admin desk', async () => {
    const { instruments } = await buyer.client.request(InstrumentsDocument, { assetClass: 'CRYPTO' });
    expect(instruments.edges.map((edge) => edge.node.symbol)).toContain('BTC-USD');
    expect(instruments.edges.every((edge) => edge.node.assetClass === 'CRYPTO')).toBe(true);

    const id = demoInstrumentId('SPY');
    const halted = await admin.request(SetInstrumentTradingDocument, { id, active: false });
    expect(halted.setInstrumentTrading).toMatchObject({ id, symbol: 'SPY', active: false });
    expect((await buyer.client.request(InstrumentDocument, { id })).instrument).toMatchObject({
      symbol: 'SPY',
      active: false,
      tickSize: anyString,
      lotSize: anyString,
    });
    await expect(
      buyer.client.request(SetInstrumentTradingDocument, { id, active: true }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const resumed = await admin.request(SetInstrumentTradingDocument, { id, active: true });
    expect(resumed.setInstrumentTrading.active).toBe(true);
  });

  it("sets a trader's limits, which their risk page then shows", async () => {
    const { users } = await admin.request(UsersDocument);
    expect(users.edges.map((edge) => edge.node)).toContainEqual(
      expect.objectContaining({ id: seller.id, email: seller.email, role: 'TRADER' }),
    );
    const limits = {
      userId: seller.id,
      maxOrderQuantity: '1000',
      maxOrderNotional: '500000',
      maxPositionNotional: '250000',
      maxPosition: '5000',
      maxOpenOrders: 50,
      priceBandBps: 1000,
    };
    const { setRiskLimits } = await admin.request(SetRiskLimitsDocument, { input: limits });
    const { userId: _, ...stored } = limits;
    expect(setRiskLimits).toMatchObject(stored);

    const { riskProfile } = await seller.client.request(RiskProfileDocument, { id: setRiskLimits.id });
    expect(riskProfile).toMatchObject({ id: setRiskLimits.id, ...stored });
    // The risk monitor keeps positions from trade events: the seller is short the V sold above.
    await expect
      .poll(async () => {
        const page = await seller.client.request(RiskProfileDocument, { id: setRiskLimits.id });
        return page.riskProfile?.exposure.positions.find((position) => position.symbol === 'V');
      })
      .toMatchObject({ symbol: 'V', currency: 'USD', quantity: expect.stringMatching(/^-\d/) as unknown });
  });

  it('issues a password reset for the support desk; the user then logs in with the new password', async () => {
    const trader = await signUp();
    const { issuePasswordReset } = await admin.request(IssuePasswordResetDocument, { userId: trader.id });
    const newPassword = `battery staple ${randomUUID()}`;
    const { resetPassword } = await clientOf().request(ResetPasswordDocument, {
      input: { token: issuePasswordReset.token, newPassword },
    });
    expect(resetPassword).toBe(true);
    expect(await clientOf().logIn({ email: trader.email, password: newPassword })).toMatchObject({
      id: trader.id,
    });
  });
});
