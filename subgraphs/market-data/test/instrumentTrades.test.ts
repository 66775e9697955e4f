import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, visit } from 'graphql';
import type { PrismaClient } from '@mib/db';
import {
  errorCodes,
  startSubgraphFixture,
  subgraphRequest,
  walkConnection,
  type ConnectionPage,
  type SubgraphFixture,
} from '@mib/subgraph-kit/testing';
import { marketDataSubgraph } from '../src/index.js';

const SYMBOLS = ['AAPL', 'MSFT', 'EURUSD', 'BTC-USD', 'ETH-USD', 'GBPUSD'];
/** ETH-USD: one market order sweeping this many makers, all in one millisecond. */
const SWEEP = 60;
const at = (second: number, millisecond = 0) => new Date(Date.UTC(2026, 10, 24, 10, 0, second, millisecond));

interface TapeEntry {
  price: string;
  quantity: string;
  aggressorSide: 'BUY' | 'SELL' | null;
  executedAt: string;
}

/** `SYMBOLS` listed, with a tape for each but GBPUSD. */
async function seedTapes(prisma: PrismaClient): Promise<void> {
  const ids = new Map<string, string>();
  for (const symbol of SYMBOLS) {
    const instrument = await prisma.instrument.create({
      data: { symbol, name: symbol, assetClass: 'EQUITY', currency: 'USD', tickSize: '0.01', lotSize: '1' },
    });
    ids.set(symbol, instrument.id);
  }
  const trade = (symbol: string, executedAt: Date, price: string, side: 'BUY' | 'SELL' | null = 'BUY') => ({
    instrumentId: ids.get(symbol)!,
    price,
    quantity: '10',
    aggressorSide: side,
    executedAt,
  });
  await prisma.marketTrade.createMany({
    data: [
      // AAPL: one a second, then a sweep of two levels in one millisecond (stored in that order).
      trade('AAPL', at(1), '189.10', 'SELL'),
      trade('AAPL', at(2), '189.20', null),
      trade('AAPL', at(3), '189.30'),
      trade('AAPL', at(4, 500), '189.40'),
      trade('AAPL', at(4, 500), '189.45'),
      trade('MSFT', at(1), '420.10'),
      trade('MSFT', at(2), '420.20'),
      trade('EURUSD', at(1), '1.0851'),
      // BTC-USD: more than a default page.
      ...Array.from({ length: 55 }, (_, index) => trade('BTC-USD', at(index), `${97_000 + index}`)),
      trade('ETH-USD', at(1), '3000'),
      // Prices count up in the order of execution (insertion), so the tape shows them counting down.
      ...Array.from({ length: SWEEP }, (_, index) => trade('ETH-USD', at(2, 250), `${3_100 + index}`)),
      trade('ETH-USD', at(3), '2900'),
    ],
  });
}

let fixture: SubgraphFixture<void>;
beforeAll(async () => {
  fixture = await startSubgraphFixture(marketDataSubgraph, { seed: seedTapes, recordStatements: true });
});
afterAll(() => fixture[Symbol.asyncDispose]());

type Tape = ConnectionPage<TapeEntry> & { edges: { cursor: string; node: TapeEntry }[] };

const tapeRequest = (symbol: string, args: string, after: string | null = null) =>
  subgraphRequest<{ instrumentBySymbol: { trades: Tape } }>(
    fixture.url,
    `query($symbol: String!${args.includes('$after') ? ', $after: String' : ''}) { instrumentBySymbol(symbol: $symbol) {
      trades${args} { edges { cursor node { price quantity aggressorSide executedAt } }
        pageInfo { hasNextPage endCursor } } } }`,
    args.includes('$after') ? { symbol, after } : { symbol },
  );

const tapeOf = async (symbol: string, args: string) => {
  const response = await tapeRequest(symbol, args);
  expect(response.errors).toBeUndefined();
  return response.data!.instrumentBySymbol.trades;
};
const nodesOf = (tape: Tape) => tape.edges.map((edge) => edge.node);

describe('Instrument.trades', () => {
  it('lists the tape newest first, a same-millisecond sweep in reverse order of execution', async () => {
    const tape = await tapeOf('AAPL', '(first: 4)');
    expect(nodesOf(tape)).toEqual([
      { price: '189.45', quantity: '10', aggressorSide: 'BUY', executedAt: '2026-11-24T10:00:04.500Z' },
      { price: '189.4', quantity: '10', aggressorSide: 'BUY', executedAt: '2026-11-24T10:00:04.500Z' },
      { price: '189.3', quantity: '10', aggressorSide: 'BUY', executedAt: '2026-11-24T10:00:03.000Z' },
      { price: '189.2', quantity: '10', aggressorSide: null, executedAt: '2026-11-24T10:00:02.000Z' },
    ]);
    expect(tape.pageInfo).toEqual({ hasNextPage: true, endCursor: tape.edges[3]?.cursor });
  });

  it('is an empty connection for an instrument without trades', async () => {
    expect(await tapeOf('GBPUSD', '')).toEqual({
      edges: [],
      pageInfo: { hasNextPage: false, endCursor: null },
    });
  });

  it('pages through a sweep of one millisecond larger than a page, each trade once', async () => {
    const pages = await walkConnection(
      (after) => tapeRequest('ETH-USD', '(first: 25, after: $after)', after),
      (data) => data.instrumentBySymbol.trades,
    );
    expect(pages.map((page) => page.length)).toEqual([25, 25, 12]);
    const sweepPrices = Array.from({ length: SWEEP }, (_, index) => `${3_100 + SWEEP - 1 - index}`);
    expect(pages.flat().map((trade) => trade.price)).toEqual(['2900', ...sweepPrices, '3000']);
  });

  it('ends with the last trade: no next page, and a page after its cursor is empty', async () => {
    const tape = await tapeOf('AAPL', '(first: 5)');
    expect(tape.edges).toHaveLength(5);
    expect(tape.pageInfo.hasNextPage).toBe(false);
    const after = await tapeRequest('AAPL', '(first: 5, after: $after)', tape.pageInfo.endCursor);
    expect(after.data?.instrumentBySymbol.trades).toEqual({
      edges: [],
      pageInfo: { hasNextPage: false, endCursor: null },
    });
  });

  it('gives an empty page for a cursor of another instrument', async () => {
    const aapl = await tapeOf('AAPL', '(first: 1)');
    const bitcoin = await tapeRequest('BTC-USD', '(first: 5, after: $after)', aapl.pageInfo.endCursor);
    expect(bitcoin.errors).toBeUndefined();
    expect(bitcoin.data?.instrumentBySymbol.trades.edges).toEqual([]);
  });

  it('serves 50 trades by default and up to 1000 on request', async () => {
    const bitcoin = nodesOf(await tapeOf('BTC-USD', ''));
    expect(bitcoin).toHaveLength(50);
    expect(bitcoin[0]?.price).toBe('97054');
    expect(nodesOf(await tapeOf('BTC-USD', '(first: 1000)'))).toHaveLength(55);
  });

  it('gives cursors that say nothing but the position', async () => {
    const [edge] = (await tapeOf('AAPL', '(first: 1)')).edges;
    const decoded = Buffer.from(edge!.cursor, 'base64url').toString('utf8');
    expect(decoded).toMatch(/^\d+$/);
  });

  it('refuses `first` outside 1..1000 and a malformed `after` with BAD_USER_INPUT', async () => {
    for (const first of [0, -1, 1001]) {
      const response = await subgraphRequest(
        fixture.url,
        `{ instrumentBySymbol(symbol: "AAPL") { trades(first: ${first}) { pageInfo { hasNextPage } } } }`,
      );
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors?.[0]?.extensions?.['argument']).toBe('first');
    }
    const notCursors = [
      'yesterday',
      Buffer.from('2026-11-24T10:00:03.000Z').toString('base64url'),
      Buffer.from('0').toString('base64url'),
      Buffer.from('-5').toString('base64url'),
      Buffer.from('9223372036854775808').toString('base64url'),
      Buffer.from('00000000-0000-4000-8000-000000000001').toString('base64url'),
    ];
    for (const cursor of notCursors) {
      const response = await tapeRequest('AAPL', '(after: $after)', cursor);
      expect(errorCodes(response), cursor).toEqual(['BAD_USER_INPUT']);
      expect(response.errors?.[0]?.extensions?.['argument']).toBe('after');
    }
  });

  it('loads the first pages of a list of instruments in one statement per page size', async () => {
    const list = (fields: string) =>
      subgraphRequest<{ instruments: { edges: { node: { symbol: string; a?: Tape } }[] } }>(
        fixture.url,
        `{ instruments(first: 50) { edges { node { symbol ${fields} } } } }`,
      );
    const page = '{ edges { node { price } } }';
    fixture.forgetStatements();
    await list('');
    const withoutTapes = fixture.statements.length;

    fixture.forgetStatements();
    const response = await list(`a: trades(first: 1) ${page}`);
    expect(fixture.statements.length - withoutTapes).toBe(1);
    const firstPrices = response.data?.instruments.edges.map(({ node }) => [
      node.symbol,
      node.a?.edges[0]?.node.price,
    ]);
    expect(firstPrices).toEqual([
      ['AAPL', '189.45'],
      ['BTC-USD', '97054'],
      ['ETH-USD', '2900'],
      ['EURUSD', '1.0851'],
      ['GBPUSD', undefined],
      ['MSFT', '420.2'],
    ]);

    fixture.forgetStatements();
    await list(`a: trades(first: 1) ${page} b: trades(first: 2) ${page} c: trades(first: 1) ${page}`);
    expect(fixture.statements.length - withoutTapes).toBe(2);
  });

  it('loads a page after a cursor in one statement', async () => {
    const { pageInfo } = await tapeOf('ETH-USD', '(first: 10)');
    fixture.forgetStatements();
    await subgraphRequest(fixture.url, '{ instrumentBySymbol(symbol: "ETH-USD") { id } }');
    const withoutTape = fixture.statements.length;

    fixture.forgetStatements();
    const next = await tapeRequest('ETH-USD', '(first: 10, after: $after)', pageInfo.endCursor);
    expect(next.data?.instrumentBySymbol.trades.edges).toHaveLength(10);
    expect(fixture.statements.length - withoutTape).toBe(1);
  });

  it('shows only price, size, side and time: no order or account', () => {
    const fields: string[] = [];
    const schema = readFileSync(new URL('../src/schema.graphql', import.meta.url), 'utf8');
    visit(parse(schema), {
      ObjectTypeDefinition: (type) => {
        if (type.name.value === 'MarketTrade') fields.push(...(type.fields ?? []).map((f) => f.name.value));
      },
    });
    expect(fields.sort()).toEqual(['aggressorSide', 'executedAt', 'price', 'quantity']);
  });
});
