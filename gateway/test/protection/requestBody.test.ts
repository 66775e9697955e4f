import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { codeOf, post, startToyGateway, type ToyGateway } from './protectedGateway.js';

let fixture: ToyGateway;
beforeAll(async () => {
  fixture = await startToyGateway({ protection: { maxRequestBytes: 1_024 } });
});
afterAll(() => fixture[Symbol.asyncDispose]());

describe('request body limits', () => {
  it('refuses a body over the limit with 413 PAYLOAD_TOO_LARGE, executing nothing', async () => {
    const executedBefore = fixture.toy.executed.length;
    const response = await post(fixture.url, {
      query: '{ ping }',
      variables: { padding: 'x'.repeat(2_000) },
    });
    expect(response.status).toBe(413);
    expect(response.body).toEqual({
      errors: [
        {
          message: 'Request body is larger than 1024 bytes',
          extensions: { code: 'PAYLOAD_TOO_LARGE', maxBytes: 1_024 },
        },
      ],
    });
    expect(fixture.toy.executed.length).toBe(executedBefore);
  });

  it('runs a body within the limit', async () => {
    const response = await post(fixture.url, { query: '{ ping }', variables: { padding: 'x'.repeat(500) } });
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual({ ping: 'pong' });
  });

  it('closes a WebSocket whose frame is over the same limit (1009), executing nothing', async () => {
    const executedBefore = fixture.toy.executed.length;
    const socket = new WebSocket(fixture.url.replace('http', 'ws'), 'graphql-transport-ws');
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    socket.once('open', () =>
      socket.send(JSON.stringify({ type: 'connection_init', payload: { padding: 'x'.repeat(2_000) } })),
    );
    expect(await closed).toBe(1009);
    expect(fixture.toy.executed.length).toBe(executedBefore);
  });

  it('answers malformed JSON with a GraphQL-shaped 400', async () => {
    const response = await post(fixture.url, '{"query": ');
    expect(response.status).toBe(400);
    expect(codeOf(response)).toBe('BAD_USER_INPUT');
  });
});
