import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { post, startToyWithGateways, type ToyWithGateways } from './protectedGateway.js';

let fixture: ToyWithGateways;
beforeAll(async () => {
  fixture = await startToyWithGateways();
});
afterAll(() => fixture[Symbol.asyncDispose]());

/** A gateway whose subgraph is unreachable, so every field fails inside the gateway. */
const unreachableSubgraph = (production: boolean, detailedErrors?: boolean) =>
  fixture.startGateway(
    {
      production,
      protection: { trustedDocuments: 'apq', ...(detailedErrors === undefined ? {} : { detailedErrors }) },
    },
    { ...fixture.toy, urls: { toy: 'http://127.0.0.1:1/graphql' } },
  );

describe('error detail', () => {
  it('answers a failure before execution (credentials nobody can check) with a bare 503', async () => {
    for (const production of [true, false]) {
      const gateway = await fixture.startGateway({ production });
      const response = await post(
        gateway.url,
        { query: '{ ping }' },
        { authorization: 'Bearer unverifiable:x' },
      );
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('1');
      expect(response.body).toEqual({
        errors: [
          {
            message: 'The gateway cannot serve this request now; try again',
            extensions: { code: 'INTERNAL' },
          },
        ],
      });
    }
  });

  it('gives production clients only INTERNAL and a generic message', async () => {
    const { url } = await unreachableSubgraph(true);
    const error = (await post(url, { query: '{ ping }' })).body.errors?.[0];
    expect(error).toEqual({ message: 'Internal server error', extensions: { code: 'INTERNAL' } });
  });

  it('adds the original message outside production, or when DETAILED_ERRORS is set', async () => {
    for (const gateway of [await unreachableSubgraph(false), await unreachableSubgraph(true, true)]) {
      const error = (await post(gateway.url, { query: '{ ping }' })).body.errors?.[0];
      expect(error?.message).toBe('Internal server error');
      expect(error?.extensions).toMatchObject({
        code: 'INTERNAL',
        detail: expect.stringMatching(/ECONNREFUSED|fetch failed/) as unknown,
      });
    }
  });
});
