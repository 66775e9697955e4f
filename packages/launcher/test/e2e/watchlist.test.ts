import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoInstrumentId } from '@mib/db';
import {
  AddToWatchlistDocument,
  persistedQueryExtensions,
  RemoveFromWatchlistDocument,
  WatchlistDocument,
} from '@mib/sdk';
import { errorCodes, graphqlRequest, type GraphQLResponse } from '@mib/subgraph-kit/testing';
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

/** Whoever sends a request: a signed-in session, or a client holding an API key. */
type Caller = Pick<Session, 'headers'>;

/** Runs one of the SDK's documents by its hash, as the front end does. */
async function run<Data>(
  document: object,
  variables: Record<string, unknown>,
  caller: Caller | null,
): Promise<GraphQLResponse<Data>> {
  const response = await fetch(platform.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...caller?.headers },
    body: JSON.stringify({ variables, extensions: persistedQueryExtensions(document) }),
  });
  return { status: response.status, ...((await response.json()) as Omit<GraphQLResponse<Data>, 'status'>) };
}

const add = (symbol: string, caller: Caller | null = trader) =>
  run<{ addToWatchlist: Listed[] }>(
    AddToWatchlistDocument,
    { instrumentId: demoInstrumentId(symbol) },
    caller,
  );
const remove = (symbol: string, caller: Caller = trader) =>
  run<{ removeFromWatchlist: Listed[] }>(
    RemoveFromWatchlistDocument,
    { instrumentId: demoInstrumentId(symbol) },
    caller,
  );
const watchlistOf = (userId: string, caller: Caller) =>
  run<{ user: { watchlist: Listed[] } | null }>(WatchlistDocument, { userId }, caller);

const CREATE_API_KEY = 'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { key } }';

/** A new API key of `session`'s user carrying only `scopes`, as its client would send it. */
async function apiKeyOf(session: Session, scopes: readonly string[]): Promise<Caller> {
  const response = await graphqlRequest<{ createApiKey: { key: string } }>(
    platform.gatewayUrl,
    CREATE_API_KEY,
    { input: { name: scopes.join(' '), scopes } },
    session.headers,
  );
  const key = response.data?.createApiKey.key;
  if (!key) throw new Error(`createApiKey failed: ${JSON.stringify(response.errors)}`);
  return { headers: { 'x-api-key': key } };
}

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

  it('is read, not changed, with a read-only (market:read) key; watchlist:write changes it', async () => {
    const owner = await signUp(platform.gatewayUrl);
    await add('AAPL', owner);
    const dashboard = await apiKeyOf(owner, ['market:read']);
    expect(errorCodes(await add('MSFT', dashboard))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await remove('AAPL', dashboard))).toEqual(['FORBIDDEN']);
    expect(symbols((await watchlistOf(owner.userId, dashboard)).data?.user?.watchlist)).toEqual(['AAPL']);
    const editor = await apiKeyOf(owner, ['market:read', 'watchlist:write']);
    expect(symbols((await add('MSFT', editor)).data?.addToWatchlist)).toEqual(['AAPL', 'MSFT']);
    expect(symbols((await remove('AAPL', editor)).data?.removeFromWatchlist)).toEqual(['MSFT']);
  });

  it('refuses an anonymous change with UNAUTHENTICATED', async () => {
    expect(errorCodes(await add('AAPL', null))).toEqual(['UNAUTHENTICATED']);
  });
});
