import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { codeOf, post, startToyGateway, type ToyGateway } from './protectedGateway.js';

const APP = 'https://app.example';
const EVIL = 'https://evil.example';

let fixture: ToyGateway;
beforeAll(async () => {
  fixture = await startToyGateway({
    production: true,
    protection: { allowedOrigins: [APP], trustedDocuments: 'apq' },
  });
});
afterAll(() => fixture[Symbol.asyncDispose]());

/** Opens a WebSocket with `origin`; resolves with the HTTP status of a refused upgrade or 101. */
function upgradeStatus(origin: string | undefined): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(fixture.url.replace('http', 'ws'), 'graphql-transport-ws', {
      ...(origin ? { origin } : {}),
    });
    socket.once('open', () => {
      socket.close();
      resolve(101);
    });
    socket.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
    socket.once('error', reject);
  });
}

describe('CORS allow-list', () => {
  it('answers a preflight from an allowed origin with its CORS headers', async () => {
    const response = await fetch(fixture.url, {
      method: 'OPTIONS',
      headers: {
        origin: APP,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(response.headers.get('access-control-allow-origin')).toBe(APP);
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
  });

  it('gives other origins no CORS headers', async () => {
    const response = await fetch(fixture.url, {
      method: 'OPTIONS',
      headers: { origin: EVIL, 'access-control-request-method': 'POST' },
    });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('CSRF prevention', () => {
  it('refuses a request a browser would send without a preflight, executing nothing', async () => {
    const executedBefore = fixture.toy.executed.length;
    const response = await fetch(fixture.url, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', origin: EVIL },
      body: JSON.stringify({ query: 'mutation { touch }' }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { extensions: Record<string, unknown> }[] };
    expect(body.errors[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'BAD_REQUEST' });
    expect(fixture.toy.executed.length).toBe(executedBefore);
  });

  it('refuses a simple GET without a preflight header', async () => {
    const response = await fetch(`${fixture.url}?query=${encodeURIComponent('{ ping }')}`);
    expect(response.status).toBe(400);
  });
});

describe('WebSocket origins', () => {
  it('refuses an upgrade from a page of another origin with 403', async () => {
    expect(await upgradeStatus(EVIL)).toBe(403);
  });

  it('accepts an upgrade from an allowed origin and from clients that send no Origin', async () => {
    expect(await upgradeStatus(APP)).toBe(101);
    expect(await upgradeStatus(undefined)).toBe(101);
  });
});

describe('production defaults', () => {
  it('refuses introspection', async () => {
    const response = await post(fixture.url, { query: '{ __schema { queryType { name } } }' });
    expect(response.status).toBe(400);
    expect(codeOf(response)).toBe('BAD_USER_INPUT');
    expect(response.body.errors?.[0]?.message).toMatch(/introspection/i);
  });
});
