import type { ExecutionResult } from 'graphql';
import { createClient } from 'graphql-ws';
import { Redis } from 'ioredis';
import WebSocket from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { persistedDocumentsFile } from '@mib/sdk';
import { documentHash, loadTrustedDocuments } from '../../src/protection/index.js';
import { codeOf, post, startToyWithGateways, type ToyWithGateways } from './protectedGateway.js';

const PING = 'query Ping { ping }';
const REPORT = 'query Report { report }';
const manifest = new Map([PING, REPORT].map((document) => [documentHash(document), document]));
const byHash = (document: string) => ({ persistedQuery: { version: 1, sha256Hash: documentHash(document) } });

let fixture: ToyWithGateways;
let redis: Redis;
beforeAll(async () => {
  fixture = await startToyWithGateways();
  redis = new Redis('redis://127.0.0.1:6379');
});
afterEach(() => fixture.stopGateways());
afterAll(async () => {
  await redis.quit();
  await fixture[Symbol.asyncDispose]();
});

const start = (mode: 'enforce' | 'apq', redisKeyPrefix?: string) =>
  fixture.startGateway({
    trustedDocuments: manifest,
    protection: {
      trustedDocuments: mode,
      ...(redisKeyPrefix ? { redisUrl: 'redis://127.0.0.1:6379', redisKeyPrefix } : {}),
    },
  });

describe('trusted documents, enforced', () => {
  it('runs a registered document by its hash alone, over POST and GET', async () => {
    const { url } = await start('enforce');
    const posted = await post(url, { extensions: byHash(PING) });
    expect(posted.status).toBe(200);
    expect(posted.body).toEqual({ data: { ping: 'pong' } });

    const params = new URLSearchParams({ extensions: JSON.stringify(byHash(REPORT)) });
    const got = await fetch(`${url}?${params}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(got.status).toBe(200);
    expect(await got.json()).toEqual({ data: { report: 42 } });
  });

  it('runs the exact text of a registered document', async () => {
    const { url } = await start('enforce');
    expect((await post(url, { query: PING })).body).toEqual({ data: { ping: 'pong' } });
  });

  it('runs the text of a registered document in another layout', async () => {
    const { url } = await start('enforce');
    const relaidOut = '# the ping\nquery Ping {\n  ping\n}\n';
    expect((await post(url, { query: relaidOut })).body).toEqual({ data: { ping: 'pong' } });
  });

  it('applies to queries sent over WebSocket too', async () => {
    const { url } = await start('enforce');
    const client = createClient({
      url: url.replace('http', 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: 'Bearer user:alice' },
      retryAttempts: 0,
    });
    try {
      const executedBefore = fixture.toy.executed.length;
      const first = async (query: string) =>
        (await client.iterate({ query }).next()).value as ExecutionResult | undefined;
      const refused = await first('{ report }');
      expect(refused?.errors?.[0]?.extensions?.['code']).toBe('DOCUMENT_NOT_TRUSTED');
      expect(fixture.toy.executed.length).toBe(executedBefore);
      expect((await first(PING))?.data).toEqual({ ping: 'pong' });
      // Untrusted comes first, as over HTTP: its cost is not even estimated.
      const overCost = await first('{ items(first: 100000) { id } }');
      expect(overCost?.errors?.[0]?.extensions?.['code']).toBe('DOCUMENT_NOT_TRUSTED');
    } finally {
      await client.dispose();
    }
  });

  it('refuses other documents, unknown hashes and APQ registration with DOCUMENT_NOT_TRUSTED', async () => {
    const { url } = await start('enforce');
    const executedBefore = fixture.toy.executed.length;
    const other = 'query Other { ping report }';
    for (const request of [
      { query: other },
      { extensions: byHash(other) },
      { query: other, extensions: byHash(other) },
    ]) {
      const response = await post(url, request);
      expect(response.status).toBe(400);
      expect(codeOf(response)).toBe('DOCUMENT_NOT_TRUSTED');
    }
    const params = new URLSearchParams({ query: other });
    const got = await fetch(`${url}?${params}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(got.status).toBe(400);
    expect(fixture.toy.executed.length).toBe(executedBefore);
  });

  it('refuses a registered hash sent with a different text', async () => {
    const { url } = await start('enforce');
    const executedBefore = fixture.toy.executed.length;
    const response = await post(url, { query: REPORT, extensions: byHash(PING) });
    expect(response.status).toBe(400);
    expect(fixture.toy.executed.length).toBe(executedBefore);
  });
});

describe.each([
  { cache: 'in memory', redisKeyPrefix: undefined },
  { cache: 'Redis', redisKeyPrefix: `test:gateway:apq:${process.pid}:${Date.now()}:` },
])('trusted documents with automatic persisted queries ($cache)', ({ redisKeyPrefix }) => {
  it('runs registered hashes, and registers and runs any other document through APQ', async () => {
    const { url } = await start('apq', redisKeyPrefix);
    expect((await post(url, { extensions: byHash(PING) })).body).toEqual({ data: { ping: 'pong' } });

    const other = 'query Other { ping }';
    const unknown = await post(url, { extensions: byHash(other) });
    expect(codeOf(unknown)).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect((await post(url, { query: other, extensions: byHash(other) })).body).toEqual({
      data: { ping: 'pong' },
    });
    expect((await post(url, { extensions: byHash(other) })).body).toEqual({ data: { ping: 'pong' } });
    if (redisKeyPrefix)
      expect(await redis.keys(`${redisKeyPrefix}apq:*${documentHash(other)}`)).toHaveLength(1);
  });
});

describe("the SDK's manifest", () => {
  it('loads, every hash checked against its document', () => {
    const sdk = loadTrustedDocuments(persistedDocumentsFile);
    expect(sdk.size).toBeGreaterThanOrEqual(7);
    for (const [hash, document] of sdk) expect(documentHash(document)).toBe(hash);
  });
});
