import { Client, credentials, status, type ServiceError } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineRequestError, ENGINE_SERVICE_NAME } from '../src/index.js';
import { collect, rejectionOf, reportOf, startEngineFixture, type EngineFixture } from './fixtures/engineFixture.js';

let fixture: EngineFixture;
beforeAll(async () => {
  fixture = await startEngineFixture();
});
afterAll(async () => {
  await fixture.close();
});

const failureOf = async (promise: Promise<unknown>): Promise<EngineRequestError> => {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(EngineRequestError);
  return error as EngineRequestError;
};

describe('GetOrderBook', () => {
  it('aggregates levels best first up to the requested depth', async () => {
    const submit = (side: 'BUY' | 'SELL', price: string, quantity: string) => fixture.client.submitOrder({ symbol: 'SPY', accountId: 'book', side, type: 'LIMIT', price, quantity });
    for (const [side, price, quantity] of [['BUY', '500', '1'], ['BUY', '500', '2'], ['BUY', '499.5', '4'], ['BUY', '499', '1'], ['SELL', '501', '7']] as const) {
      reportOf(await submit(side, price, quantity));
    }
    const book = await fixture.client.getOrderBook('SPY', 2);
    expect(book.bids).toEqual([{ price: '500', quantity: '3', orderCount: 2 }, { price: '499.5', quantity: '4', orderCount: 1 }]);
    expect(book.asks).toEqual([{ price: '501', quantity: '7', orderCount: 1 }]);
    expect(Number(book.sequence)).toBeGreaterThan(0);
  });

  it('answers NOT_FOUND for an unknown symbol and INVALID_ARGUMENT for a huge depth', async () => {
    expect((await failureOf(fixture.client.getOrderBook('NOPE'))).status).toBe(status.NOT_FOUND);
    expect((await failureOf(fixture.client.getOrderBook('SPY', 100_000))).status).toBe(status.INVALID_ARGUMENT);
  });
});

describe('GetQuote', () => {
  it('shows the top of book, last trade and session volume', async () => {
    const empty = await fixture.client.getQuote('ETH-USD');
    expect(empty).toMatchObject({ symbol: 'ETH-USD', bidPrice: '', askPrice: '', lastPrice: '' });
    await fixture.client.submitOrder({ symbol: 'ETH-USD', accountId: 'q1', side: 'SELL', type: 'LIMIT', price: '3000.5', quantity: '2' });
    await fixture.client.submitOrder({ symbol: 'ETH-USD', accountId: 'q2', side: 'BUY', type: 'LIMIT', price: '3000.5', quantity: '0.5' });
    await fixture.client.submitOrder({ symbol: 'ETH-USD', accountId: 'q2', side: 'BUY', type: 'LIMIT', price: '2999', quantity: '1' });
    expect(await fixture.client.getQuote('ETH-USD')).toMatchObject({ bidPrice: '2999', bidSize: '1', askPrice: '3000.5', askSize: '1.5', lastPrice: '3000.5', lastQuantity: '0.5', sessionVolume: '0.5' });
  });

  it('answers NOT_FOUND for an unknown symbol', async () => {
    expect((await failureOf(fixture.client.getQuote('NOPE'))).status).toBe(status.NOT_FOUND);
  });
});

describe('SetRiskLimits', () => {
  it('applies an account limit at once on every shard', async () => {
    await fixture.client.setRiskLimits({ accountId: 'limited', maxOrderQuantity: '10' });
    for (const symbol of ['AAPL', 'BTC-USD', 'EURUSD']) {
      const quantity = symbol === 'EURUSD' ? '11000' : '11';
      const rejection = rejectionOf(await fixture.client.submitOrder({ symbol, accountId: 'limited', side: 'BUY', type: 'LIMIT', price: '1', quantity }));
      expect(rejection).toMatchObject({ status: status.FAILED_PRECONDITION, reason: 'MAX_ORDER_QUANTITY_EXCEEDED' });
    }
    expect(reportOf(await fixture.client.submitOrder({ symbol: 'AAPL', accountId: 'limited', side: 'BUY', type: 'LIMIT', price: '1', quantity: '10' })).status).toBe('OPEN');
  });

  it('refuses malformed limits with INVALID_ARGUMENT', async () => {
    const error = await failureOf(fixture.client.setRiskLimits({ accountId: 'limited', maxOrderQuantity: 'lots' }));
    expect(error.status).toBe(status.INVALID_ARGUMENT);
    expect(error.message).toContain('INVALID_RISK_LIMITS');
  });
});

describe('IngestTrades', () => {
  it('updates last price and volume from external prints without touching the book', async () => {
    const accepted = await fixture.client.ingestTrades([
      { symbol: 'SOL-USD', price: '150.5', quantity: '2', aggressorSide: 'BUY' },
      { symbol: 'SOL-USD', price: '151', quantity: '1' },
    ]);
    expect(accepted).toBe(2);
    expect(await fixture.client.getQuote('SOL-USD')).toMatchObject({ lastPrice: '151', lastQuantity: '1', sessionVolume: '3', bidPrice: '', askPrice: '' });
  });

  it('closes the candle of a quiet symbol on the heartbeat, without further commands', async () => {
    // The print is stamped in the next second, ahead of the symbol's clock: a print stamped in the
    // past would count at the clock, which every heartbeat (each second) moves to the present.
    // The heartbeat after the end of that second closes the candle.
    const openTime = Math.floor(Date.now() / 1000) * 1000 + 1000;
    await fixture.client.ingestTrades([{ symbol: 'USDJPY', price: '150.125', quantity: '2000', timestampMs: String(openTime + 100) }]);
    // Replay from the start, then live: the candle is seen whether it closed before or after.
    const fromSequences = Object.fromEntries(Array.from({ length: fixture.engine.shards }, (_, shard) => [shard, '1']));
    const [candle] = await collect(fixture.client.streamEvents({ fromSequences, symbols: ['USDJPY'], kinds: ['CANDLE_CLOSED'] }, AbortSignal.timeout(10_000)), 1);
    expect(candle?.candle).toMatchObject({ intervalMs: 1000, openTimeMs: String(openTime), open: '150.125', high: '150.125', low: '150.125', close: '150.125', volume: '2000', tradeCount: 1 });
  });

  it('fails the stream on a bad print, naming it', async () => {
    const error = await failureOf(fixture.client.ingestTrades([{ symbol: 'SOL-USD', price: '150', quantity: '1' }, { symbol: 'NOPE', price: '1', quantity: '1' }]));
    expect(error.status).toBe(status.NOT_FOUND);
    expect(error.message).toContain('NOPE');
  });

  it('names the bad print by its index and says how many prints were applied', async () => {
    const before = await fixture.client.getQuote('XRP-USD');
    const prints = [
      { symbol: 'XRP-USD', price: '0.5', quantity: '10' },
      { symbol: 'XRP-USD', price: 'x', quantity: '10' },
      { symbol: 'XRP-USD', price: '0.6', quantity: '10' },
    ];
    const error = await failureOf(fixture.client.ingestTrades(prints));
    expect(error.status).toBe(status.INVALID_ARGUMENT);
    expect(error.message).toContain('external trade 1 on "XRP-USD"');
    const applied = /applied (\d+) of the (\d+) trades received/.exec(error.message);
    expect(applied?.slice(1)).toEqual([String(Number(applied?.[2]) - 1), applied?.[2]]);
    const volume = Number((await fixture.client.getQuote('XRP-USD')).sessionVolume) - Number(before.sessionVolume);
    expect(volume).toBe(10 * Number(applied?.[1]));
  });

  it('refuses an aggressor side that is not BUY, SELL or SIDE_UNSPECIFIED, applying nothing', async () => {
    const before = await fixture.client.getQuote('USDCHF');
    const unknownSide = 7 as unknown as 'BUY';
    const error = await failureOf(fixture.client.ingestTrades([{ symbol: 'USDCHF', price: '0.9', quantity: '1000', aggressorSide: unknownSide }]));
    expect(error.status).toBe(status.INVALID_ARGUMENT);
    expect(error.message).toContain('external trade 0 on "USDCHF"');
    expect(error.message).toContain('aggressor side');
    expect(await fixture.client.getQuote('USDCHF')).toEqual(before);
    expect(await fixture.client.ingestTrades([{ symbol: 'USDCHF', price: '0.9', quantity: '1000', aggressorSide: 'SIDE_UNSPECIFIED' }])).toBe(1);
  });

  it('refuses a print stamped more than a minute ahead of the engine clock, changing nothing', async () => {
    const before = await fixture.client.getQuote('USDCHF');
    const farAhead = String(Date.now() + 3_600_000);
    const error = await failureOf(fixture.client.ingestTrades([{ symbol: 'USDCHF', price: '0.91', quantity: '1000', aggressorSide: 'SELL', timestampMs: farAhead }]));
    expect(error.status).toBe(status.INVALID_ARGUMENT);
    expect(error.message).toContain('external trade 0 on "USDCHF"');
    expect(error.message).toContain('ahead of the engine clock');
    expect(await fixture.client.getQuote('USDCHF')).toEqual(before);
    const slightlyAhead = String(Date.now() + 5_000);
    expect(await fixture.client.ingestTrades([{ symbol: 'USDCHF', price: '0.91', quantity: '1000', timestampMs: slightlyAhead }])).toBe(1);
  });
});

describe('service basics', () => {
  it('lists the instruments with their shard', async () => {
    const instruments = await fixture.client.listInstruments();
    expect(instruments).toContainEqual({ symbol: 'BTC-USD', tickSize: '0.01', lotSize: '0.0001', shard: expect.any(Number) as number });
    expect(instruments).toHaveLength(20);
  });

  it('reports SERVING through grpc.health.v1 for the server and the engine service', async () => {
    expect(await fixture.client.checkHealth()).toBe('SERVING');
    expect(await fixture.client.checkHealth(ENGINE_SERVICE_NAME)).toBe('SERVING');
    expect((await failureOf(fixture.client.checkHealth('unknown.Service'))).status).toBe(status.NOT_FOUND);
  });

  it('answers a malformed message with a status and keeps serving', async () => {
    const raw = new Client(`127.0.0.1:${fixture.engine.port}`, credentials.createInsecure());
    const error = await new Promise<ServiceError | null>((resolve) => {
      raw.makeUnaryRequest('/mib.engine.v1.MatchingEngine/SubmitOrder', (bytes: Buffer) => bytes, (bytes: Buffer) => bytes, Buffer.from([0x0a, 0xff, 0xff, 0xff]), (caught) => resolve(caught));
    });
    const streamError = await new Promise<ServiceError | null>((resolve) => {
      const call = raw.makeClientStreamRequest('/mib.engine.v1.MatchingEngine/IngestTrades', (bytes: Buffer) => bytes, (bytes: Buffer) => bytes, (caught) => resolve(caught));
      call.write(Buffer.from([0x0a, 0xff, 0xff, 0xff]));
      call.end();
    });
    raw.close();
    expect(error).toMatchObject({ code: status.INVALID_ARGUMENT });
    expect(error?.details).toMatch(/^malformed SubmitOrder request: /);
    expect(streamError).toMatchObject({ code: status.INVALID_ARGUMENT });
    expect(streamError?.details).toMatch(/^malformed IngestTrades request: /);
    expect(await fixture.client.checkHealth()).toBe('SERVING');
    expect((await fixture.client.submitOrder({ symbol: 'AAPL', accountId: 'after-malformed', side: 'BUY', type: 'LIMIT', price: '1', quantity: '1' })).kind).toBe('accepted');
  });
});
