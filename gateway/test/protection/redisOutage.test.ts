import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../../src/index.js';
import { documentHash } from '../../src/protection/index.js';
import { post, startProtectedGateway, startToySubgraph, type ToySubgraph } from './protectedGateway.js';

let toy: ToySubgraph;
let gateway: RunningGateway;
beforeAll(async () => {
  toy = await startToySubgraph();
  // Nothing listens on port 1: every Redis command fails.
  gateway = await startProtectedGateway(toy, {
    protection: { redisUrl: 'redis://127.0.0.1:1', trustedDocuments: 'apq' },
  });
});
afterAll(async () => {
  await gateway.stop();
  await toy.stop();
});

describe('with Redis unreachable', () => {
  it('admits requests the rate limiter cannot check', async () => {
    const response = await post(gateway.url, { query: '{ ping }' }, { authorization: 'Bearer user:alice' });
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual({ ping: 'pong' });
  });

  it('runs automatic persisted queries sent with their text', async () => {
    const query = 'query Outage { ping }';
    const extensions = { persistedQuery: { version: 1, sha256Hash: documentHash(query) } };
    expect((await post(gateway.url, { query, extensions })).body).toEqual({ data: { ping: 'pong' } });
  });
});
