import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoInstrumentId } from '@mib/db';
import {
  AddToWatchlistDocument,
  persistedQueryExtensions,
  RemoveFromWatchlistDocument,
  WatchlistDocument,
} from '@mib/sdk';
import { errorCodes, type GraphQLResponse } from '@mib/subgraph-kit/testing';
import { logInAsDemo, signUp, type Session } from './accounts.js';
import { startPlatformFixture, type PlatformFixture } from './platformFixture.js';

let platform: PlatformFixture;
let trader: Session;

beforeAll(async () => {
  platform = await startPlatformFixture();
  trader = await signUp(platform.gatewayUrl);
}, 60_000);

afterAll(async () => {
  await platform[Symbol.asyncDispose]();
});

interface Listed {
  symbol: string;
  quote: { last: string | null; bid: string | null; ask: string | null } | null;
}

/** Runs one of the SDK's documents by its hash, as the front end does. */
async function run<Data>(
  document: object,
  variables: Record<string, unknown>,
  session: Session | null,
): Promise<GraphQLResponse<Data>> {
  const response = await fetch(platform.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...session?.headers },
    body: JSON.stringify({ variables, extensions: persistedQueryExtensions(document) }),
  });
  return { status: response.status, ...((await response.json()) as Omit<GraphQLResponse<Data>, 'status'>) };
}

const add = (symbol: string, session: Session | null = trader) =>
  run<{ addToWatchlist: Listed[] }>(
    AddToWatchlistDocument,
    { instrumentId: demoInstrumentId(symbol) },
    session,
  );
const remove = (symbol: string) =>
  run<{ removeFromWatchlist: Listed[] }>(
    RemoveFromWatchlistDocument,
    { instrumentId: demoInstrumentId(symbol) },
    trader,
  );
const watchlistOf = (userId: string, session: Session) =>
  run<{ user: { watchlist: Listed[] } | null }>(WatchlistDocument, { userId }, session);
const symbols = (list: readonly Listed[] | undefined) => list?.map((instrument) => instrument.symbol);

describe('a watchlist through the gateway', () => {
  it("keeps a trader's instruments in the order added, with their quotes", async () => {
    expect(symbols((await add('NVDA')).data?.addToWatchlist)).toEqual(['NVDA']);
    expect(symbols((await add('EURUSD')).data?.addToWatchlist)).toEqual(['NVDA', 'EURUSD']);
    expect(symbols((await add('NVDA')).data?.addToWatchlist)).toEqual(['NVDA', 'EURUSD']);
    const read = await watchlistOf(trader.userId, trader);
    expect(read.errors).toBeUndefined();
    const listed = read.data?.user?.watchlist;
    expect(symbols(listed)).toEqual(['NVDA', 'EURUSD']);
    for (const instrument of listed ?? []) {
      expect(instrument.quote?.last).toMatch(/^\d+(\.\d+)?$/);
      expect(instrument.quote?.bid).toMatch(/^\d+(\.\d+)?$/);
    }
    expect(symbols((await remove('NVDA')).data?.removeFromWatchlist)).toEqual(['EURUSD']);
  });

  it('is FORBIDDEN to another trader and readable by an admin', async () => {
    const stranger = await signUp(platform.gatewayUrl);
    expect(errorCodes(await watchlistOf(trader.userId, stranger))).toEqual(['FORBIDDEN']);
    const admin = await logInAsDemo(platform.gatewayUrl, 'admin');
    expect(symbols((await watchlistOf(trader.userId, admin)).data?.user?.watchlist)).toEqual(['EURUSD']);
  });

  it('refuses an anonymous change with UNAUTHENTICATED', async () => {
    expect(errorCodes(await add('AAPL', null))).toEqual(['UNAUTHENTICATED']);
  });
});
