import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentHash } from '../../src/protection/index.js';
import { post, startToyGateway, type ToyGateway } from './protectedGateway.js';

let fixture: ToyGateway;
beforeAll(async () => {
  // Nothing listens on port 1: every Redis command fails.
  fixture = await startToyGateway({
    protection: { redisUrl: 'redis://127.0.0.1:1', trustedDocuments: 'apq' },
  });
});
afterAll(() => fixture[Symbol.asyncDispose]());

describe('with Redis unreachable', () => {
  it('admits requests the rate limiter cannot check', async () => {
    const response = await post(fixture.url, { query: '{ ping }' }, { authorization: 'Bearer user:alice' });
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual({ ping: 'pong' });
  });

  it('runs automatic persisted queries sent with their text', async () => {
    const query = 'query Outage { ping }';
    const extensions = { persistedQuery: { version: 1, sha256Hash: documentHash(query) } };
    expect((await post(fixture.url, { query, extensions })).body).toEqual({ data: { ping: 'pong' } });
  });
});
