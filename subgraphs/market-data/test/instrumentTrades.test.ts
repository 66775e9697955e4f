import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, visit } from 'graphql';
import type { PrismaClient } from '@mib/db';
import {
  errorCodes,
  startSubgraphFixture,
  subgraphRequest,
  type SubgraphFixture,
} from '@mib/subgraph-kit/testing';
import { marketDataSubgraph } from '../src/index.js';

const SYMBOLS = ['AAPL', 'MSFT', 'EURUSD', 'BTC-USD', 'GBPUSD'];
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
    ],
  });
}

let fixture: SubgraphFixture<void>;
beforeAll(async () => {
  fixture = await startSubgraphFixture(marketDataSubgraph, { seed: seedTapes, recordStatements: true });
});
afterAll(() => fixture[Symbol.asyncDispose]());

const tapeOf = async (symbol: string, args: string) => {
  const response = await subgraphRequest<{ instrumentBySymbol: { trades: TapeEntry[] } }>(
    fixture.url,
    `query($symbol: String!) { instrumentBySymbol(symbol: $symbol) {
      trades${args} { price quantity aggressorSide executedAt } } }`,
    { symbol },
  );
  expect(response.errors).toBeUndefined();
  return response.data!.instrumentBySymbol.trades;
};

describe('Instrument.trades', () => {
  it('lists the tape newest first, a same-millisecond sweep in reverse order of execution', async () => {
    expect(await tapeOf('AAPL', '(first: 4)')).toEqual([
      { price: '189.45', quantity: '10', aggressorSide: 'BUY', executedAt: '2026-11-24T10:00:04.500Z' },
      { price: '189.4', quantity: '10', aggressorSide: 'BUY', executedAt: '2026-11-24T10:00:04.500Z' },
      { price: '189.3', quantity: '10', aggressorSide: 'BUY', executedAt: '2026-11-24T10:00:03.000Z' },
      { price: '189.2', quantity: '10', aggressorSide: null, executedAt: '2026-11-24T10:00:02.000Z' },
    ]);
    expect(await tapeOf('GBPUSD', '')).toEqual([]);
  });

  it('pages back with `before` (exclusive) and serves 50 trades by default', async () => {
    const page = await tapeOf('AAPL', '(first: 2, before: "2026-11-24T10:00:03.000Z")');
    expect(page.map((trade) => [trade.price, trade.aggressorSide])).toEqual([
      ['189.2', null],
      ['189.1', 'SELL'],
    ]);
    const older = await tapeOf('AAPL', `(first: 2, before: "${page.at(-1)!.executedAt}")`);
    expect(older).toEqual([]);

    const bitcoin = await tapeOf('BTC-USD', '');
    expect(bitcoin).toHaveLength(50);
    expect(bitcoin[0]?.price).toBe('97054');
    expect(await tapeOf('BTC-USD', '(first: 1000)')).toHaveLength(55);
  });

  it('refuses `first` outside 1..1000 and a malformed `before` with BAD_USER_INPUT', async () => {
    for (const first of [0, -1, 1001]) {
      const response = await subgraphRequest(
        fixture.url,
        `{ instrumentBySymbol(symbol: "AAPL") { trades(first: ${first}) { price } } }`,
      );
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors?.[0]?.extensions?.['argument']).toBe('first');
    }
    const badTime = await subgraphRequest(
      fixture.url,
      '{ instrumentBySymbol(symbol: "AAPL") { trades(before: "yesterday") { price } } }',
    );
    expect(errorCodes(badTime)).toEqual(['BAD_USER_INPUT']);
  });

  it('loads the tapes of a list of instruments in one statement per distinct arguments', async () => {
    const list = (fields: string) =>
      subgraphRequest<{ instruments: { edges: { node: { symbol: string; a?: TapeEntry[] } }[] } }>(
        fixture.url,
        `{ instruments(first: 50) { edges { node { symbol ${fields} } } } }`,
      );
    fixture.forgetStatements();
    await list('');
    const withoutTapes = fixture.statements.length;

    fixture.forgetStatements();
    const response = await list('a: trades(first: 1) { price }');
    expect(fixture.statements.length - withoutTapes).toBe(1);
    const firstPrices = response.data?.instruments.edges.map(({ node }) => [node.symbol, node.a?.[0]?.price]);
    expect(firstPrices).toEqual([
      ['AAPL', '189.45'],
      ['BTC-USD', '97054'],
      ['EURUSD', '1.0851'],
      ['GBPUSD', undefined],
      ['MSFT', '420.2'],
    ]);

    fixture.forgetStatements();
    await list('a: trades(first: 1) { price } b: trades(first: 2) { price } c: trades(first: 1) { price }');
    expect(fixture.statements.length - withoutTapes).toBe(2);
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
