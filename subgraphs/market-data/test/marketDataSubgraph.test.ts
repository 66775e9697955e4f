import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@mib/db';
import {
  errorCodes,
  startSubgraphFixture,
  subgraphRequest,
  type SubgraphFixture,
} from '@mib/subgraph-kit/testing';
import { marketDataSubgraph } from '../src/index.js';

const SYMBOLS = ['AAPL', 'MSFT', 'EURUSD', 'BTC-USD', 'ETH-USD', 'GBPUSD'];

/** `SYMBOLS` listed in order, each but GBPUSD with a quote, and three M1 candles of AAPL. */
async function seedMarket(prisma: PrismaClient): Promise<{ instrumentIds: string[] }> {
  const instrumentIds: string[] = [];
  for (const symbol of SYMBOLS) {
    const assetClass = symbol.includes('-') ? 'CRYPTO' : symbol.length === 6 ? 'FX' : 'EQUITY';
    const instrument = await prisma.instrument.create({
      data: { symbol, name: `${symbol} test`, assetClass, currency: 'USD', tickSize: '0.01', lotSize: '1' },
    });
    instrumentIds.push(instrument.id);
    if (symbol !== 'GBPUSD') {
      await prisma.quote.create({
        data: {
          instrumentId: instrument.id,
          bid: '100.10',
          bidSize: '5',
          ask: '100.25',
          askSize: '7',
          last: '100.20',
          updatedAt: new Date('2026-11-24T10:00:00Z'),
        },
      });
    }
  }
  for (let minute = 0; minute < 3; minute++) {
    await prisma.candle.create({
      data: {
        instrumentId: instrumentIds[0] ?? '',
        interval: 'M1',
        openTime: new Date(Date.UTC(2026, 10, 24, 10, minute)),
        open: '100',
        high: '101.5',
        low: '99.25',
        close: `100.${minute}`,
        volume: '1200',
      },
    });
  }
  return { instrumentIds };
}

let fixture: SubgraphFixture<{ instrumentIds: string[] }>;
beforeAll(async () => {
  fixture = await startSubgraphFixture(marketDataSubgraph, { seed: seedMarket, recordStatements: true });
});
afterAll(() => fixture[Symbol.asyncDispose]());

describe('market-data subgraph', () => {
  it('serves an instrument by symbol with its quote and exact decimals', async () => {
    const response = await subgraphRequest(
      fixture.url,
      '{ instrumentBySymbol(symbol: "AAPL") { symbol assetClass tickSize quote { bid ask last spread updatedAt } } }',
    );
    expect(response.data).toEqual({
      instrumentBySymbol: {
        symbol: 'AAPL',
        assetClass: 'EQUITY',
        tickSize: '0.01',
        quote: {
          bid: '100.1',
          ask: '100.25',
          last: '100.2',
          spread: '0.15',
          updatedAt: '2026-11-24T10:00:00.000Z',
        },
      },
    });
  });

  it('returns candles newest first, limited and filtered by time', async () => {
    const response = await subgraphRequest<{
      instrument: { candles: { openTime: string; close: string }[] };
    }>(
      fixture.url,
      'query($id: ID!) { instrument(id: $id) { candles(interval: M1, first: 2, before: "2026-11-24T10:02:00Z") { openTime close } } }',
      { id: fixture.seeded.instrumentIds[0] },
    );
    expect(response.data?.instrument.candles).toEqual([
      { openTime: '2026-11-24T10:01:00.000Z', close: '100.1' },
      { openTime: '2026-11-24T10:00:00.000Z', close: '100' },
    ]);
  });

  it('lists instruments by symbol and filters by asset class', async () => {
    const all = await subgraphRequest<{ instruments: { edges: { node: { symbol: string } }[] } }>(
      fixture.url,
      '{ instruments(first: 50) { edges { node { symbol } } } }',
    );
    expect(all.data?.instruments.edges.map((edge) => edge.node.symbol)).toEqual([...SYMBOLS].sort());
    const crypto = await subgraphRequest<{ instruments: { edges: { node: { symbol: string } }[] } }>(
      fixture.url,
      '{ instruments(assetClass: CRYPTO) { edges { node { symbol } } } }',
    );
    expect(crypto.data?.instruments.edges.map((edge) => edge.node.symbol)).toEqual(['BTC-USD', 'ETH-USD']);
  });

  it('resolves many references with their quotes in a constant number of statements', async () => {
    const representations = fixture.seeded.instrumentIds.map((id) => ({ __typename: 'Instrument', id }));
    fixture.forgetStatements();
    const response = await subgraphRequest<{
      _entities: ({ symbol: string; quote: { last: string } | null } | null)[];
    }>(
      fixture.url,
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Instrument { symbol quote { last } } } }',
      { r: [...representations, { __typename: 'Instrument', symbol: 'MSFT' }] },
    );
    expect(response.data?._entities.map((entity) => entity?.symbol)).toEqual([...SYMBOLS, 'MSFT']);
    expect(response.data?._entities.find((entity) => entity?.symbol === 'GBPUSD')?.quote).toBeNull();
    // One query for the instruments by id, one by symbol, one for all quotes: never one per entity.
    expect(fixture.statements.length).toBeLessThanOrEqual(3);
  });

  it('answers bad input with BAD_USER_INPUT and unknown ids with null', async () => {
    const malformed = await subgraphRequest(fixture.url, '{ instrument(id: "AAPL") { symbol } }');
    expect(errorCodes(malformed)).toEqual(['BAD_USER_INPUT']);
    const unknown = await subgraphRequest(fixture.url, '{ instrumentBySymbol(symbol: "NOPE") { symbol } }');
    expect(unknown.data).toEqual({ instrumentBySymbol: null });
    const badInterval = await subgraphRequest(
      fixture.url,
      '{ instrumentBySymbol(symbol: "AAPL") { candles(interval: M7) { open } } }',
    );
    expect(errorCodes(badInterval)).toEqual(['BAD_USER_INPUT']);
    const badTime = await subgraphRequest(
      fixture.url,
      '{ instrumentBySymbol(symbol: "AAPL") { candles(interval: M1, before: "yesterday") { open } } }',
    );
    expect(errorCodes(badTime)).toEqual(['BAD_USER_INPUT']);
  });

  it('answers a malformed id in a reference with BAD_USER_INPUT, failing that entity alone', async () => {
    const response = await subgraphRequest<{ _entities: ({ symbol: string } | null)[] }>(
      fixture.url,
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Instrument { symbol } } }',
      {
        r: [
          { __typename: 'Instrument', id: fixture.seeded.instrumentIds[1] },
          { __typename: 'Instrument', id: 'AAPL' },
        ],
      },
    );
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.data?._entities[0]?.symbol).toEqual(expect.any(String));
    expect(response.data?._entities[1]).toBeNull();
  });

  it('computes indicators over the latest candles, aligned with their open times', async () => {
    const response = await subgraphRequest<{
      instrumentBySymbol: {
        indicators: {
          openTimes: string[];
          closes: number[];
          sma: (number | null)[];
          vwap: (number | null)[];
        };
      };
    }>(
      fixture.url,
      '{ instrumentBySymbol(symbol: "AAPL") { indicators(interval: M1, last: 3) { openTimes closes sma(period: 2) vwap } } }',
    );
    expect(response.errors).toBeUndefined();
    const indicators = response.data?.instrumentBySymbol.indicators;
    expect(indicators?.openTimes).toEqual([
      '2026-11-24T10:00:00.000Z',
      '2026-11-24T10:01:00.000Z',
      '2026-11-24T10:02:00.000Z',
    ]);
    expect(indicators?.closes).toEqual([100, 100.1, 100.2]);
    expect(indicators?.sma[0]).toBeNull();
    expect(indicators?.sma[1]).toBeCloseTo(100.05, 10);
    expect(indicators?.sma[2]).toBeCloseTo(100.15, 10);
    // Equal volumes: VWAP is the running mean of the typical prices (H+L+C)/3.
    expect(indicators?.vwap[0]).toBeCloseTo((101.5 + 99.25 + 100) / 3, 10);
  });

  it('answers out-of-range indicator parameters with BAD_USER_INPUT', async () => {
    const badPeriod = await subgraphRequest(
      fixture.url,
      '{ instrumentBySymbol(symbol: "AAPL") { indicators(interval: M1) { rsi(period: 0) } } }',
    );
    expect(errorCodes(badPeriod)).toEqual(['BAD_USER_INPUT']);
    const badWindow = await subgraphRequest(
      fixture.url,
      '{ instrumentBySymbol(symbol: "AAPL") { indicators(interval: M1, last: 5000) { closes } } }',
    );
    expect(errorCodes(badWindow)).toEqual(['BAD_USER_INPUT']);
  });

  it('serves stored data without an engine and answers the live order book with INTERNAL', async () => {
    const query = '{ orderBook(symbol: "AAPL", depth: $depth) { bids { price } } }';
    const badDepth = await subgraphRequest(fixture.url, query.replace('$depth', '0'));
    expect(errorCodes(badDepth)).toEqual(['BAD_USER_INPUT']);
    const noEngine = await subgraphRequest(fixture.url, query.replace('$depth', '5'));
    expect(errorCodes(noEngine)).toEqual(['INTERNAL']);
  });
});
