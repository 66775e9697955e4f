import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from 'graphql-ws';
import { subgraphRequest } from '@mib/subgraph-kit/testing';
import { connectSubgraph, liveErrorCodes, subscribeAs } from '@mib/subgraph-kit/testing';
import { startMarketDataFixture, type MarketDataFixture } from './marketDataFixture.js';
import { candleEvent, printEvent, quoteEvent, tradeEvent } from './marketEvents.js';

let fixture: MarketDataFixture;
let client: Client;
/** Sequence numbers per symbol, so every event published here is new to its stream. */
const sequences = new Map<string, number>();
const nextSequence = (symbol: string) => {
  const sequence = (sequences.get(symbol) ?? 0) + 1;
  sequences.set(symbol, sequence);
  return sequence;
};

beforeAll(async () => {
  fixture = await startMarketDataFixture(['AAPL', 'MSFT', 'BTC-USD']);
  client = connectSubgraph(fixture.subgraph.url);
});

afterAll(async () => {
  await client.dispose();
  await fixture[Symbol.asyncDispose]();
});

const QUOTES = `subscription ($symbols: [String!]!) {
  quotes(symbols: $symbols) {
    instrument { symbol }
    quote { bid bidSize ask askSize last spread updatedAt }
  }
}`;

describe('Subscription.quotes', () => {
  it('delivers each quote of the subscribed symbols, built from the event, and no others', async () => {
    const watched = subscribeAs(client, null, QUOTES, { symbols: ['AAPL', 'MSFT'] });
    // A second subscriber on BTC-USD shows when a BTC-USD quote has passed the first one by.
    const bitcoin = subscribeAs(client, null, QUOTES, { symbols: ['BTC-USD'] });
    const watchedNext = watched.next();
    const bitcoinNext = bitcoin.next();
    await fixture.live.whenSubscribers(2);

    await fixture.bus.publish([quoteEvent('BTC-USD', nextSequence('BTC-USD'), { bidPrice: '97000.5' })]);
    expect(await bitcoinNext).toMatchObject({
      data: { quotes: { instrument: { symbol: 'BTC-USD' }, quote: { bid: '97000.5' } } },
    });
    await fixture.bus.publish([
      quoteEvent('AAPL', nextSequence('AAPL'), { bidPrice: '189.50', askPrice: '189.75', lastPrice: null }),
      quoteEvent('MSFT', nextSequence('MSFT'), { askPrice: null, askSize: null }),
    ]);

    // AAPL and MSFT sit on different partitions, so they may arrive in either order.
    const updates = [await watchedNext, await watched.next()].map((result) => result.data?.['quotes']);
    expect(updates).toHaveLength(2);
    expect(updates).toContainEqual({
      instrument: { symbol: 'AAPL' },
      quote: {
        bid: '189.5',
        bidSize: '15',
        ask: '189.75',
        askSize: '7',
        last: null,
        spread: '0.25',
        updatedAt: expect.stringMatching(/^2026-11-24T10:00:00\.00\dZ$/) as unknown,
      },
    });
    expect(updates).toContainEqual({
      instrument: { symbol: 'MSFT' },
      quote: expect.objectContaining({ bid: '189.5', ask: null, spread: null }) as unknown,
    });
    await Promise.all([watched.close(), bitcoin.close()]);
    await fixture.live.whenSubscribers(0);
  });

  it('sends the latest quote of each symbol that has one first, then the live ones', async () => {
    // The read model keeps MSFT's latest quote.
    await fixture.bus.publish([quoteEvent('MSFT', nextSequence('MSFT'), { bidPrice: '411.25' })]);
    const msft = fixture.instruments.get('MSFT')!;
    await expect
      .poll(async () =>
        (await fixture.db.prisma.quote.findUnique({ where: { instrumentId: msft.id } }))?.bid?.toFixed(),
      )
      .toBe('411.25');

    const updates = subscribeAs(client, null, QUOTES, { symbols: ['MSFT'] });
    expect((await updates.next()).data?.['quotes']).toMatchObject({
      instrument: { symbol: 'MSFT' },
      quote: { bid: '411.25' },
    });
    await fixture.live.whenSubscribers(1);
    await fixture.bus.publish([quoteEvent('MSFT', nextSequence('MSFT'), { bidPrice: '411.5' })]);
    expect((await updates.next()).data?.['quotes']).toMatchObject({ quote: { bid: '411.5' } });
    await updates.close();
    await fixture.live.whenSubscribers(0);
  });

  it('refuses unknown symbols and a symbol count outside 1..50 with BAD_USER_INPUT', async () => {
    const tooMany = Array.from({ length: 51 }, (_, index) => `S${index}`);
    for (const symbols of [['AAPL', 'NOPE'], [], tooMany]) {
      const updates = subscribeAs(client, null, QUOTES, { symbols });
      const result = await updates.next();
      expect(liveErrorCodes(result)).toEqual(['BAD_USER_INPUT']);
      await updates.close();
    }
    const unknown = subscribeAs(client, null, QUOTES, { symbols: ['AAPL', 'NOPE', 'ALSO-NOPE'] });
    expect((await unknown.next()).errors?.[0]?.message).toBe('Unknown symbols: NOPE, ALSO-NOPE');
  });
});

const CANDLES = `subscription ($symbol: String!, $interval: CandleInterval!) {
  candles(symbol: $symbol, interval: $interval) {
    instrument { symbol }
    interval openTime open high low close volume
  }
}`;

describe('Subscription.candles', () => {
  it('delivers the closed candles of one symbol and interval', async () => {
    const candles = subscribeAs(client, null, CANDLES, { symbol: 'AAPL', interval: 'M5' });
    const first = candles.next();
    await fixture.live.whenSubscribers(1);
    await fixture.bus.publish([
      candleEvent('AAPL', nextSequence('AAPL'), { interval: 'M1', minute: 5, close: '1' }),
      candleEvent('AAPL', nextSequence('AAPL'), { interval: 'M5', minute: 5, close: '190.5' }),
    ]);
    expect(await first).toEqual({
      data: {
        candles: {
          instrument: { symbol: 'AAPL' },
          interval: 'M5',
          openTime: '2026-11-24T10:05:00.000Z',
          open: '189.12345678',
          high: '191',
          low: '188.5',
          close: '190.5',
          volume: '12345678901234567890.12345678',
        },
      },
    });
    await candles.close();
    await fixture.live.whenSubscribers(0);
  });

  it('refuses an unknown symbol with BAD_USER_INPUT', async () => {
    const candles = subscribeAs(client, null, CANDLES, { symbol: 'NOPE', interval: 'M1' });
    expect(liveErrorCodes(await candles.next())).toEqual(['BAD_USER_INPUT']);
  });
});

const TRADES = `subscription ($symbol: String!) {
  trades(symbol: $symbol) { price quantity aggressorSide executedAt }
}`;

describe('Subscription.trades', () => {
  it("delivers each trade of one symbol as it happens, external prints too, and no other symbol's", async () => {
    const trades = subscribeAs(client, null, TRADES, { symbol: 'MSFT' });
    const first = trades.next();
    await fixture.live.whenSubscribers(1);
    const matched = nextSequence('MSFT');
    await fixture.bus.publish([
      tradeEvent('AAPL', nextSequence('AAPL'), '1', '1'),
      tradeEvent('MSFT', matched, '420.12345678', '2.5', 0, { aggressorSide: 'SELL' }),
      printEvent('MSFT', nextSequence('MSFT'), '420.5', '100'),
    ]);
    expect(await first).toEqual({
      data: {
        trades: {
          price: '420.12345678',
          quantity: '2.5',
          aggressorSide: 'SELL',
          executedAt: new Date(Date.UTC(2026, 10, 24, 10, 0, 0, matched)).toISOString(),
        },
      },
    });
    expect(await trades.next()).toMatchObject({ data: { trades: { price: '420.5', aggressorSide: null } } });
    await trades.close();
    await fixture.live.whenSubscribers(0);
  });

  it('refuses an unknown symbol with BAD_USER_INPUT, like the other market subscriptions', async () => {
    const trades = subscribeAs(client, null, TRADES, { symbol: 'NOPE' });
    const result = await trades.next();
    expect(liveErrorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0]?.message).toBe('Unknown symbol "NOPE"');
  });
});

describe('read model behind the queries', () => {
  it('serves the quote the background consumer stored from the bus', async () => {
    await fixture.bus.publish([
      quoteEvent('BTC-USD', nextSequence('BTC-USD'), { bidPrice: '96500.12345678' }),
    ]);
    await expect
      .poll(
        async () =>
          (
            await subgraphRequest(
              fixture.subgraph.url,
              '{ instrumentBySymbol(symbol: "BTC-USD") { quote { bid } } }',
            )
          ).data,
        { timeout: 5_000 },
      )
      .toEqual({ instrumentBySymbol: { quote: { bid: '96500.12345678' } } });
  });

  it('serves the trades the background consumer stored from the bus, newest first', async () => {
    const first = nextSequence('BTC-USD');
    await fixture.bus.publish([
      tradeEvent('BTC-USD', first, '96500.5', '0.25'),
      printEvent('BTC-USD', nextSequence('BTC-USD'), '96501', '1'),
    ]);
    await expect
      .poll(
        async () =>
          (
            await subgraphRequest(
              fixture.subgraph.url,
              '{ instrumentBySymbol(symbol: "BTC-USD") { trades(first: 2) { edges { node { price aggressorSide } } } } }',
            )
          ).data,
        { timeout: 5_000 },
      )
      .toEqual({
        instrumentBySymbol: {
          trades: {
            edges: [
              { node: { price: '96501', aggressorSide: null } },
              { node: { price: '96500.5', aggressorSide: 'BUY' } },
            ],
          },
        },
      });
  });
});
