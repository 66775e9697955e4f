import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { codeOf, post, startToyGateway, type ToyGateway } from './protectedGateway.js';

let fixture: ToyGateway;
beforeAll(async () => {
  fixture = await startToyGateway({
    protection: { operationLimits: { maxDepth: 3, maxAliases: 2, maxDirectives: 2, maxTokens: 40 } },
  });
});
afterAll(() => fixture[Symbol.asyncDispose]());

/** Sends `query`, expects a 400 OPERATION_LIMIT_EXCEEDED for `limit` and no subgraph call. */
async function expectRefused(query: string, limit: string, max: number) {
  const executedBefore = fixture.toy.executed.length;
  const response = await post(fixture.url, { query });
  expect(response.status).toBe(400);
  expect(codeOf(response)).toBe('OPERATION_LIMIT_EXCEEDED');
  expect(response.body.errors?.[0]?.extensions).toMatchObject({ limit, max });
  expect(response.body.data).toBeUndefined();
  expect(fixture.toy.executed.length).toBe(executedBefore);
}

describe('operation limits', () => {
  it('runs an operation within every limit', async () => {
    const response = await post(fixture.url, { query: '{ a: items(first: 1) { related { id } } b: ping }' });
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
  });

  it('refuses an operation nested deeper than maxDepth', async () => {
    await expectRefused('{ items { related { related { id } } } }', 'depth', 3);
  });

  it('counts depth through fragments', async () => {
    await expectRefused(
      'query { items { ...Deep } } fragment Deep on Item { related { related { id } } }',
      'depth',
      3,
    );
  });

  it('refuses more aliases than maxAliases', async () => {
    await expectRefused('{ a: ping b: ping c: ping }', 'aliases', 2);
  });

  it('refuses more directives than maxDirectives', async () => {
    await expectRefused(
      '{ ping @include(if: true) @skip(if: false) items @include(if: true) { id } }',
      'directives',
      2,
    );
  });

  it('refuses a document of more than maxTokens tokens before parsing it', async () => {
    const query = `{ ${Array.from({ length: 41 }, () => '__typename').join(' ')} }`;
    await expectRefused(query, 'tokens', 40);
  });
});

describe('operation limits over graphql-ws', () => {
  it('refuses a document of more than maxTokens tokens before parsing it, as over HTTP', async () => {
    const client = createClient({
      url: fixture.url.replace('http', 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: 'Bearer user:alice' },
      retryAttempts: 0,
    });
    try {
      // Unterminated: parsing it would answer a syntax error instead.
      const query = `{ ${Array.from({ length: 41 }, () => 'ping').join(' ')}`;
      const refusal = await client
        .iterate({ query })
        .next()
        .then(
          () => undefined,
          (errors: unknown) => errors,
        );
      expect(refusal).toEqual([
        expect.objectContaining({
          extensions: { code: 'OPERATION_LIMIT_EXCEEDED', limit: 'tokens', max: 40 },
        }),
      ]);
    } finally {
      await client.dispose();
    }
  });
});
