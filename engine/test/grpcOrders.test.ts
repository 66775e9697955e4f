import { status } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineRequestError, type SubmitOrderRequest } from '../src/index.js';
import { eventsOfAccount, rejectionOf, reportOf, startEngineFixture, type EngineFixture } from './fixtures/engineFixture.js';

let fixture: EngineFixture;
beforeAll(async () => {
  fixture = await startEngineFixture();
});
afterAll(async () => {
  await fixture.close();
});

const order = (overrides: Partial<SubmitOrderRequest>): SubmitOrderRequest => ({ symbol: 'MSFT', accountId: 'acct-1', side: 'BUY', type: 'LIMIT', price: '400.10', quantity: '5', ...overrides });

describe('SubmitOrder', () => {
  it('rests a limit order and reports it OPEN with decimals as strings', async () => {
    const report = reportOf(await fixture.client.submitOrder(order({ symbol: 'GOOGL', accountId: 'maker-1', side: 'SELL', price: '150.25', quantity: '10' })));
    expect(report).toMatchObject({ symbol: 'GOOGL', accountId: 'maker-1', side: 'SELL', type: 'LIMIT', status: 'OPEN', price: '150.25', quantity: '10', filledQuantity: '0', leavesQuantity: '10', fills: [] });
    expect(Number(report.orderId)).toBeGreaterThan(0);
  });

  it('matches a crossing order and reports its fills at the maker price', async () => {
    const maker = reportOf(await fixture.client.submitOrder(order({ symbol: 'AMZN', accountId: 'maker-2', side: 'SELL', price: '180', quantity: '3' })));
    const taker = reportOf(await fixture.client.submitOrder(order({ symbol: 'AMZN', accountId: 'taker-2', side: 'BUY', price: '181', quantity: '5' })));
    expect(taker).toMatchObject({ status: 'PARTIALLY_FILLED', filledQuantity: '3', leavesQuantity: '2' });
    expect(taker.fills).toEqual([expect.objectContaining({ price: '180', quantity: '3', makerOrderId: maker.orderId })]);
  });

  it('cancels the rest of a market order that found too little liquidity', async () => {
    await fixture.client.submitOrder(order({ symbol: 'NVDA', accountId: 'maker-3', side: 'SELL', price: '900', quantity: '2' }));
    const report = reportOf(await fixture.client.submitOrder(order({ symbol: 'NVDA', accountId: 'taker-3', type: 'MARKET', price: '', quantity: '5' })));
    expect(report).toMatchObject({ status: 'CANCELLED', filledQuantity: '2', leavesQuantity: '0' });
  });

  const badOrders: [string, Partial<SubmitOrderRequest>, status, string][] = [
    ['an unknown symbol', { symbol: 'NOPE' }, status.NOT_FOUND, 'UNKNOWN_SYMBOL'],
    ['a zero price', { price: '0' }, status.INVALID_ARGUMENT, 'INVALID_PRICE'],
    ['a negative price', { price: '-5' }, status.INVALID_ARGUMENT, 'INVALID_PRICE'],
    ['a price that is not a number', { price: 'abc' }, status.INVALID_ARGUMENT, 'INVALID_PRICE'],
    ['a price with more than 8 decimals', { price: '1.000000001' }, status.INVALID_ARGUMENT, 'INVALID_PRICE'],
    ['an off-tick price', { price: '400.105' }, status.INVALID_ARGUMENT, 'PRICE_OFF_TICK'],
    ['a quantity off the lot size', { quantity: '1.5' }, status.INVALID_ARGUMENT, 'QUANTITY_OFF_LOT'],
    ['a zero quantity', { quantity: '0' }, status.INVALID_ARGUMENT, 'INVALID_QUANTITY'],
    ['no side', { side: 'SIDE_UNSPECIFIED' }, status.INVALID_ARGUMENT, 'INVALID_SIDE'],
    ['no order type', { type: 'ORDER_TYPE_UNSPECIFIED' }, status.INVALID_ARGUMENT, 'INVALID_ORDER_TYPE'],
    ['an empty account id', { accountId: '' }, status.INVALID_ARGUMENT, 'INVALID_ACCOUNT'],
  ];

  it.each(badOrders)('refuses %s with a status, a reject event and no book change', async (_name, overrides, code, reason) => {
    const accountId = overrides.accountId ?? `bad-${reason}-${code}-${Object.keys(overrides).join()}-${String(Object.values(overrides)[0])}`;
    const before = await fixture.client.getOrderBook('MSFT');
    const rejection = rejectionOf(await fixture.client.submitOrder(order({ ...overrides, accountId })));
    expect(rejection).toMatchObject({ status: code, reason });
    expect(rejection.message).toContain(reason);
    expect(await fixture.client.getOrderBook('MSFT')).toMatchObject({ bids: before.bids, asks: before.asks });
    if (accountId !== '') {
      const [event] = await eventsOfAccount(fixture.client, fixture.engine.shards, accountId, 1);
      expect(event).toMatchObject({ kind: 'ORDER_REJECTED', order: { reason, orderId: rejection.orderId } });
    }
  });

  it('keeps serving after bad input', async () => {
    expect((await fixture.client.submitOrder(order({ price: 'garbage' }))).kind).toBe('rejected');
    expect(reportOf(await fixture.client.submitOrder(order({ accountId: 'after-bad', price: '100' }))).status).toBe('OPEN');
  });
});

describe('SubmitOrder with a client order id', () => {
  const restingBids = async (symbol: string): Promise<number> => (await fixture.client.getOrderBook(symbol)).bids.reduce((sum, level) => sum + level.orderCount, 0);

  it('answers a repeated client order id of the same account with the first order, placing nothing new', async () => {
    const request = order({ symbol: 'AAPL', accountId: 'idem-1', price: '120', clientOrderId: 'retry-me.1' });
    const [first, concurrent] = await Promise.all([fixture.client.submitOrder(request), fixture.client.submitOrder(request)]);
    const later = await fixture.client.submitOrder(request);
    expect(reportOf(concurrent)).toEqual(reportOf(first));
    expect(reportOf(later)).toEqual(reportOf(first));
    expect(await restingBids('AAPL')).toBe(1);
    // A later order of the account on the same shard: its events come after any duplicate's would.
    const marker = reportOf(await fixture.client.submitOrder(order({ symbol: 'AAPL', accountId: 'idem-1', side: 'SELL', price: '130' })));
    const events = await eventsOfAccount(fixture.client, fixture.engine.shards, 'idem-1', 2);
    expect(events.map((event) => [event.kind, event.order?.orderId])).toEqual([
      ['ORDER_ACCEPTED', reportOf(first).orderId],
      ['ORDER_ACCEPTED', marker.orderId],
    ]);
  });

  it('keeps client order ids apart per account', async () => {
    const mine = reportOf(await fixture.client.submitOrder(order({ symbol: 'SPY', accountId: 'idem-2a', price: '60', clientOrderId: 'shared-key' })));
    const theirs = reportOf(await fixture.client.submitOrder(order({ symbol: 'SPY', accountId: 'idem-2b', price: '60', clientOrderId: 'shared-key' })));
    expect(theirs.orderId).not.toBe(mine.orderId);
    expect(theirs.accountId).toBe('idem-2b');
    expect(await restingBids('SPY')).toBe(2);
  });

  it.each(['x'.repeat(65), 'has space', 'slash/not-allowed', 'ünïcode'])('refuses the client order id %j with INVALID_ARGUMENT and enqueues nothing', async (clientOrderId) => {
    const before = await fixture.client.getOrderBook('GBPUSD');
    const request = order({ symbol: 'GBPUSD', accountId: 'idem-3', price: '1.25', quantity: '1000', clientOrderId });
    const error: unknown = await fixture.client.submitOrder(request).catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(EngineRequestError);
    expect(error).toMatchObject({ status: status.INVALID_ARGUMENT });
    expect((error as EngineRequestError).message).toContain('client_order_id');
    expect(await fixture.client.getOrderBook('GBPUSD')).toMatchObject({ bids: before.bids });
  });

  it('takes ids of 1 to 64 letters, digits and . _ : -', async () => {
    for (const clientOrderId of ['a', `${'Z9._:-'.repeat(10)}abcd`]) {
      expect(reportOf(await fixture.client.submitOrder(order({ symbol: 'GBPUSD', accountId: 'idem-3', price: '1.2', quantity: '1000', clientOrderId }))).status).toBe('OPEN');
    }
  });

  it('does not remember a first attempt the engine refused as malformed, so a corrected retry is placed', async () => {
    const request = order({ symbol: 'EURUSD', accountId: 'idem-4', quantity: '1000', clientOrderId: 'fix-and-retry' });
    expect(rejectionOf(await fixture.client.submitOrder({ ...request, price: '1.100001' })).reason).toBe('PRICE_OFF_TICK');
    expect(reportOf(await fixture.client.submitOrder({ ...request, price: '1.1' }))).toMatchObject({ status: 'OPEN', price: '1.1' });
    expect(await restingBids('EURUSD')).toBe(1);
  });
});

describe('CancelOrder', () => {
  it('cancels an own resting order', async () => {
    const placed = reportOf(await fixture.client.submitOrder(order({ symbol: 'META', accountId: 'owner', price: '500' })));
    const cancelled = reportOf(await fixture.client.cancelOrder({ symbol: 'META', accountId: 'owner', orderId: placed.orderId }));
    expect(cancelled).toMatchObject({ orderId: placed.orderId, status: 'CANCELLED', leavesQuantity: '0' });
    expect((await fixture.client.getOrderBook('META')).bids).toEqual([]);
  });

  it("refuses to cancel someone else's order with PERMISSION_DENIED and leaves it resting", async () => {
    const placed = reportOf(await fixture.client.submitOrder(order({ symbol: 'TSLA', accountId: 'owner', price: '250' })));
    const rejection = rejectionOf(await fixture.client.cancelOrder({ symbol: 'TSLA', accountId: 'intruder', orderId: placed.orderId }));
    expect(rejection).toMatchObject({ status: status.PERMISSION_DENIED, reason: 'NOT_ORDER_OWNER', orderId: placed.orderId });
    expect((await fixture.client.getOrderBook('TSLA')).bids).toEqual([{ price: '250', quantity: '5', orderCount: 1 }]);
  });

  it('answers NOT_FOUND for an order that is not open', async () => {
    const rejection = rejectionOf(await fixture.client.cancelOrder({ symbol: 'TSLA', accountId: 'owner', orderId: '987654321' }));
    expect(rejection).toMatchObject({ status: status.NOT_FOUND, reason: 'UNKNOWN_ORDER' });
  });
});

describe('CancelAllOrders', () => {
  /** Symbols no other test here trades. */
  const UNTOUCHED = ['USDJPY', 'AUDUSD', 'USDCHF', 'BTC-USD', 'ETH-USD', 'SOL-USD', 'XRP-USD', 'DOGE-USD'];
  const instrumentOn = async (shard: number) => (await fixture.client.listInstruments()).find((i) => i.shard === shard && UNTOUCHED.includes(i.symbol))!;
  /** Rests one lot: bids at 2, asks at 3 (on tick for every instrument). */
  const rest = async (instrument: { symbol: string; lotSize: string }, accountId: string, side: 'BUY' | 'SELL') =>
    reportOf(await fixture.client.submitOrder(order({ symbol: instrument.symbol, accountId, side, price: side === 'BUY' ? '2' : '3', quantity: instrument.lotSize })));
  const failureOf = (promise: Promise<unknown>): Promise<EngineRequestError> =>
    promise.then(
      () => {
        throw new Error('expected the call to fail');
      },
      (error: unknown) => {
        expect(error).toBeInstanceOf(EngineRequestError);
        return error as EngineRequestError;
      },
    );
  const books = (symbols: string[]) => Promise.all(symbols.map(async (symbol) => fixture.client.getOrderBook(symbol).then(({ bids, asks }) => ({ bids, asks }))));

  it("cancels the account's orders on every shard, reporting each CANCELLED, and leaves other accounts' orders", async () => {
    const [first, second] = [await instrumentOn(0), await instrumentOn(1)];
    const mine = [await rest(first, 'kill-1', 'BUY'), await rest(first, 'kill-1', 'SELL'), await rest(second, 'kill-1', 'BUY')];
    const theirs = await rest(first, 'kill-other', 'BUY');
    const cancelled = await fixture.client.cancelAllOrders({ accountId: 'kill-1' });
    expect(cancelled.map((r) => [r.orderId, r.status, r.symbol, r.accountId, r.leavesQuantity])).toEqual(mine.map((r) => [r.orderId, 'CANCELLED', r.symbol, 'kill-1', '0']));
    expect(cancelled[0]).toMatchObject({ side: 'BUY', type: 'LIMIT', price: '2', quantity: first.lotSize, filledQuantity: '0', fills: [], shard: 0 });
    expect(await fixture.client.getOrderBook(first.symbol)).toMatchObject({ bids: [{ price: '2', quantity: first.lotSize, orderCount: 1 }], asks: [] });
    expect((await fixture.client.getOrderBook(second.symbol)).bids).toEqual([]);
    const events = await eventsOfAccount(fixture.client, fixture.engine.shards, 'kill-1', 6);
    expect(events.filter((e) => e.kind === 'ORDER_CANCELLED').map((e) => [e.order?.orderId, e.order?.reason, e.sequence])).toEqual(cancelled.map((r) => [r.orderId, 'USER_REQUESTED', r.sequence]));
    expect(await fixture.client.cancelAllOrders({ accountId: 'kill-1' })).toEqual([]);
    expect((await fixture.client.cancelAllOrders({ accountId: 'kill-other' })).map((r) => r.orderId)).toEqual([theirs.orderId]);
  });

  it('with a symbol cancels only there', async () => {
    const [first, second] = [await instrumentOn(0), await instrumentOn(1)];
    await rest(first, 'kill-2', 'BUY');
    const there = await rest(second, 'kill-2', 'SELL');
    expect((await fixture.client.cancelAllOrders({ accountId: 'kill-2', symbol: second.symbol })).map((r) => r.orderId)).toEqual([there.orderId]);
    expect((await fixture.client.getOrderBook(first.symbol)).bids).toHaveLength(1);
    await fixture.client.cancelAllOrders({ accountId: 'kill-2' });
  });

  it('refuses an empty account id with INVALID_ARGUMENT and cancels nothing', async () => {
    const [first, second] = [await instrumentOn(0), await instrumentOn(1)];
    await rest(first, 'kill-3', 'BUY');
    const before = await books([first.symbol, second.symbol]);
    for (const symbol of ['', first.symbol]) {
      const error = await failureOf(fixture.client.cancelAllOrders({ accountId: '', symbol }));
      expect(error.status).toBe(status.INVALID_ARGUMENT);
      expect(error.message).toContain('account_id');
    }
    expect(await books([first.symbol, second.symbol])).toEqual(before);
    await fixture.client.cancelAllOrders({ accountId: 'kill-3' });
  });

  it('answers an unknown symbol as CancelOrder does, and cancels nothing', async () => {
    const first = await instrumentOn(0);
    const placed = await rest(first, 'kill-4', 'SELL');
    const error = await failureOf(fixture.client.cancelAllOrders({ accountId: 'kill-4', symbol: 'NOPE' }));
    const cancelOrder = rejectionOf(await fixture.client.cancelOrder({ symbol: 'NOPE', accountId: 'kill-4', orderId: placed.orderId }));
    expect(cancelOrder).toMatchObject({ status: status.NOT_FOUND, reason: 'UNKNOWN_SYMBOL' });
    expect(error.status).toBe(cancelOrder.status);
    expect(error.message).toMatch(/^NOT_FOUND: UNKNOWN_SYMBOL: unknown symbol \(.*NOPE.*\)$/);
    expect((await fixture.client.getOrderBook(first.symbol)).asks).toEqual([{ price: '3', quantity: first.lotSize, orderCount: 1 }]);
    expect((await fixture.client.cancelAllOrders({ accountId: 'kill-4' })).map((r) => r.orderId)).toEqual([placed.orderId]);
  });
});

describe('AmendOrder', () => {
  it('reduces quantity in place and moves the price on request', async () => {
    const placed = reportOf(await fixture.client.submitOrder(order({ symbol: 'JPM', accountId: 'amender', price: '200', quantity: '10' })));
    const reduced = reportOf(await fixture.client.amendOrder({ symbol: 'JPM', accountId: 'amender', orderId: placed.orderId, newQuantity: '4' }));
    expect(reduced).toMatchObject({ leavesQuantity: '4', price: '200', status: 'OPEN' });
    const moved = reportOf(await fixture.client.amendOrder({ symbol: 'JPM', accountId: 'amender', orderId: placed.orderId, newPrice: '199.5' }));
    expect(moved).toMatchObject({ price: '199.5', leavesQuantity: '4' });
    expect((await fixture.client.getOrderBook('JPM')).bids).toEqual([{ price: '199.5', quantity: '4', orderCount: 1 }]);
  });

  it('refuses an amend that changes nothing, or goes off tick', async () => {
    const placed = reportOf(await fixture.client.submitOrder(order({ symbol: 'V', accountId: 'amender', price: '280' })));
    expect(rejectionOf(await fixture.client.amendOrder({ symbol: 'V', accountId: 'amender', orderId: placed.orderId }))).toMatchObject({ status: status.INVALID_ARGUMENT, reason: 'AMEND_NO_CHANGE' });
    expect(rejectionOf(await fixture.client.amendOrder({ symbol: 'V', accountId: 'amender', orderId: placed.orderId, newPrice: '280.001' }))).toMatchObject({ reason: 'PRICE_OFF_TICK' });
    expect(rejectionOf(await fixture.client.amendOrder({ symbol: 'V', accountId: 'other', orderId: placed.orderId, newQuantity: '1' }))).toMatchObject({ status: status.PERMISSION_DENIED });
  });
});
