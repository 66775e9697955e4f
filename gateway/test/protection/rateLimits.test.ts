import { createClient } from 'graphql-ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { codeOf, post, startToyWithGateways, type ToyWithGateways } from './protectedGateway.js';

let fixture: ToyWithGateways;
beforeAll(async () => {
  fixture = await startToyWithGateways();
});
afterEach(() => fixture.stopGateways());
afterAll(() => fixture[Symbol.asyncDispose]());

// Refill is negligible within a test: a bucket's capacity is exactly what it admits.
const slow = (capacity: number) => ({ capacity, refillPerSecond: 0.001 });
const limits = { ip: slow(6), user: slow(2), apiKey: slow(3) };
const PING = { query: '{ ping }' };

type InitOutcome = { readonly acked: true } | { readonly code: number; readonly reason: string };

/**
 * Opens a graphql-ws connection and sends `connection_init` with `params`: whether it was
 * acknowledged, or the close code and reason it got instead.
 */
async function initialise(
  url: string,
  params: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<InitOutcome> {
  const socket = new WebSocket(url.replace('http', 'ws'), 'graphql-transport-ws', { headers });
  return new Promise<InitOutcome>((resolve, reject) => {
    socket.once('error', reject);
    socket.once('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: params })));
    socket.on('message', (data: Buffer) => {
      if ((JSON.parse(data.toString()) as { type: string }).type !== 'connection_ack') return;
      resolve({ acked: true });
      socket.close();
    });
    socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() }));
  });
}
const ACKED = { acked: true };
const RATE_LIMITED = { code: 4429, reason: expect.stringContaining('Too many requests') as unknown };

describe.each([
  { store: 'in process', redisUrl: undefined },
  { store: 'Redis', redisUrl: 'redis://127.0.0.1:6379' },
])('gateway rate limits ($store buckets)', ({ redisUrl }) => {
  const start = () => fixture.startGateway({ protection: { rateLimits: limits, redisUrl } });

  it("refuses a user's request over their limit with 429, Retry-After and RATE_LIMITED, executing nothing", async () => {
    const { url } = await start();
    const alice = { authorization: 'Bearer user:alice' };
    expect((await post(url, PING, alice)).status).toBe(200);
    expect((await post(url, PING, alice)).status).toBe(200);
    const executedBefore = fixture.toy.executed.length;

    const refused = await post(url, PING, alice);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(refused.body).toEqual({
      errors: [
        {
          message: expect.stringContaining('Too many requests') as unknown,
          extensions: { code: 'RATE_LIMITED', retryAfterSeconds: retryAfter },
        },
      ],
    });
    expect(fixture.toy.executed.length).toBe(executedBefore);

    // Another user on the same address has a bucket of their own.
    expect((await post(url, PING, { authorization: 'Bearer user:bob' })).status).toBe(200);
  });

  it('limits each API key by its own bucket', async () => {
    const { url } = await start();
    const key = { authorization: 'Bearer key:k1' };
    for (let i = 0; i < 3; i++) expect((await post(url, PING, key)).status).toBe(200);
    expect(codeOf(await post(url, PING, key))).toBe('RATE_LIMITED');
    expect((await post(url, PING, { authorization: 'Bearer key:k2' })).status).toBe(200);
  });

  it("charges queries and mutations sent over WebSocket to the caller's bucket too", async () => {
    const { url } = await start();
    const alice = { authorization: 'Bearer user:alice' };
    expect((await post(url, PING, alice)).status).toBe(200);
    expect((await post(url, PING, alice)).status).toBe(200);
    const client = createClient({
      url: url.replace('http', 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: alice,
      retryAttempts: 0,
    });
    try {
      const executedBefore = fixture.toy.executed.length;
      const result = await client.iterate({ query: 'mutation { touch }' }).next();
      expect(result.value).toMatchObject({ errors: [{ extensions: { code: 'RATE_LIMITED' } }] });
      expect(fixture.toy.executed.length).toBe(executedBefore);
    } finally {
      await client.dispose();
    }
  });

  it('limits each address, anonymous requests and refused credentials included', async () => {
    const { url } = await start();
    for (let i = 0; i < 3; i++) expect((await post(url, PING)).status).toBe(200);
    for (let i = 0; i < 3; i++)
      expect((await post(url, PING, { authorization: 'Bearer wrong' })).status).toBe(401);
    const executedBefore = fixture.toy.executed.length;
    const refused = await post(url, PING);
    expect(refused.status).toBe(429);
    expect(codeOf(refused)).toBe('RATE_LIMITED');
    // Even a valid session cannot escape its address's bucket.
    expect((await post(url, PING, { authorization: 'Bearer user:carol' })).status).toBe(429);
    expect(fixture.toy.executed.length).toBe(executedBefore);
  });

  it("charges each graphql-ws connection_init to its address's bucket, refused credentials included", async () => {
    const { url } = await start();
    for (let i = 0; i < 3; i++) expect((await post(url, PING)).status).toBe(200);
    for (let i = 0; i < 2; i++)
      expect(await initialise(url, { authorization: 'Bearer wrong' })).toMatchObject({ code: 4403 });
    expect(await initialise(url, { authorization: 'Bearer user:alice' })).toEqual(ACKED);
    // The address's six tokens are spent: a guess is refused before its credentials are checked.
    expect(await initialise(url, { authorization: 'Bearer user:alice' })).toEqual(RATE_LIMITED);
    expect(await initialise(url, { authorization: 'Bearer user:bob' })).toEqual(RATE_LIMITED);
    expect((await post(url, PING)).status).toBe(429);
  });
});

describe('client addresses behind a proxy', () => {
  const from = (address: string) => ({ 'x-forwarded-for': address });
  const limitedTo2 = { ...limits, ip: slow(2) };

  it("with TRUST_PROXY, limits each client by the proxy's X-Forwarded-For entry", async () => {
    const gateway = await fixture.startGateway({
      protection: { rateLimits: limitedTo2, trustedProxyHops: 1 },
    });
    expect((await post(gateway.url, PING, from('203.0.113.1'))).status).toBe(200);
    expect((await post(gateway.url, PING, from('203.0.113.1'))).status).toBe(200);
    expect((await post(gateway.url, PING, from('203.0.113.1'))).status).toBe(429);
    expect((await post(gateway.url, PING, from('203.0.113.2'))).status).toBe(200);
  });

  it('without it, ignores X-Forwarded-For, so a client cannot pick new addresses', async () => {
    const gateway = await fixture.startGateway({ protection: { rateLimits: limitedTo2 } });
    expect((await post(gateway.url, PING, from('203.0.113.1'))).status).toBe(200);
    expect((await post(gateway.url, PING, from('203.0.113.2'))).status).toBe(200);
    expect((await post(gateway.url, PING, from('203.0.113.3'))).status).toBe(429);
  });

  it("with TRUST_PROXY, keys a WebSocket by its upgrade request's X-Forwarded-For, as HTTP", async () => {
    const gateway = await fixture.startGateway({
      protection: { rateLimits: limitedTo2, trustedProxyHops: 1 },
    });
    const alice = { authorization: 'Bearer user:alice' };
    expect((await post(gateway.url, PING, from('203.0.113.1'))).status).toBe(200);
    expect(await initialise(gateway.url, alice, from('203.0.113.1'))).toEqual(ACKED);
    expect(await initialise(gateway.url, alice, from('203.0.113.1'))).toEqual(RATE_LIMITED);
    expect((await post(gateway.url, PING, from('203.0.113.1'))).status).toBe(429);
    expect(await initialise(gateway.url, alice, from('203.0.113.2'))).toEqual(ACKED);
  });

  it("without it, keys a WebSocket by the socket's address, ignoring X-Forwarded-For", async () => {
    const gateway = await fixture.startGateway({ protection: { rateLimits: limitedTo2 } });
    const alice = { authorization: 'Bearer user:alice' };
    expect(await initialise(gateway.url, alice, from('203.0.113.1'))).toEqual(ACKED);
    expect((await post(gateway.url, PING, from('203.0.113.2'))).status).toBe(200);
    expect(await initialise(gateway.url, alice, from('203.0.113.3'))).toEqual(RATE_LIMITED);
  });

  it('keys an IPv6 client by its /64 and an IPv4-mapped one by its IPv4 address', async () => {
    const gateway = await fixture.startGateway({
      protection: { rateLimits: limitedTo2, trustedProxyHops: 1 },
    });
    const status = async (address: string) => (await post(gateway.url, PING, from(address))).status;
    expect(await status('2001:db8:1:2::1')).toBe(200);
    expect(
      await initialise(gateway.url, { authorization: 'Bearer user:a' }, from('2001:db8:1:2::2')),
    ).toEqual(ACKED);
    expect(await status('2001:db8:1:2:ffff:ffff:ffff:ffff')).toBe(429);
    expect(await status('2001:db8:1:3::1')).toBe(200);

    expect(await status('203.0.113.7')).toBe(200);
    expect(await status('::ffff:203.0.113.7')).toBe(200);
    expect(await status('::ffff:cb00:7107')).toBe(429);
  });

  it("forwards the /64 as the caller's address, for the subgraphs' own per-address limits", async () => {
    const gateway = await fixture.startGateway({ protection: { trustedProxyHops: 1 } });
    const response = await post(gateway.url, { query: '{ clientIp }' }, from('2001:db8:1:2::1'));
    expect(response.body).toEqual({ data: { clientIp: '2001:db8:1:2::/64' } });

    const client = createClient({
      url: gateway.url.replace('http', 'ws'),
      webSocketImpl: class extends WebSocket {
        constructor(address: string, protocols?: string | string[]) {
          super(address, protocols, { headers: from('::ffff:203.0.113.7') });
        }
      },
      connectionParams: { authorization: 'Bearer user:alice' },
      retryAttempts: 0,
    });
    try {
      const result = await client.iterate({ query: '{ clientIp }' }).next();
      expect(result.value).toEqual({ data: { clientIp: '203.0.113.7' } });
    } finally {
      await client.dispose();
    }
  });
});
