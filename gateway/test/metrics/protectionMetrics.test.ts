import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { post, startToyGateway, type ToyGateway } from '../protection/protectedGateway.js';
import { sampleValue, scrapeMetrics } from './scrapeMetrics.js';

let fixture: ToyGateway;
beforeAll(async () => {
  fixture = await startToyGateway({
    // Refill is negligible within a test: a bucket's capacity is exactly what it admits.
    protection: {
      rateLimits: {
        ip: { capacity: 1_000, refillPerSecond: 0.001 },
        user: { capacity: 2, refillPerSecond: 0.001 },
        apiKey: { capacity: 1_000, refillPerSecond: 0.001 },
      },
    },
  });
});
afterAll(() => fixture[Symbol.asyncDispose]());

const metric = async (name: string, labels: Record<string, string> = {}) =>
  sampleValue(await scrapeMetrics(fixture.url), name, labels);

describe('the gateway metrics of refusals and subgraph fetches', () => {
  it('counts a rate-limited request under its policy', async () => {
    const carol = { authorization: 'Bearer user:carol' };
    expect((await post(fixture.url, { query: '{ ping }' }, carol)).status).toBe(200);
    expect((await post(fixture.url, { query: '{ ping }' }, carol)).status).toBe(200);
    expect(await metric('gateway_rate_limit_rejections_total', { policy: 'user', kind: 'request' })).toBe(
      undefined,
    );
    expect((await post(fixture.url, { query: '{ ping }' }, carol)).status).toBe(429);
    expect(await metric('gateway_rate_limit_rejections_total', { policy: 'user', kind: 'request' })).toBe(1);
  });

  it('counts refused credentials by reason, over HTTP and WebSocket', async () => {
    expect((await post(fixture.url, { query: '{ ping }' }, { authorization: 'Bearer forged' })).status).toBe(
      401,
    );
    expect(await metric('gateway_authentication_failures_total', { reason: 'invalid_token' })).toBe(1);

    const socket = new WebSocket(fixture.url.replace('http', 'ws'), 'graphql-transport-ws');
    const closed = new Promise<number>((resolve) => socket.once('close', resolve));
    socket.once('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: {} })));
    expect(await closed).toBe(4403);
    expect(await metric('gateway_authentication_failures_total', { reason: 'missing' })).toBe(1);
    expect(await metric('gateway_websocket_connections_closed_total', { code: '4403' })).toBe(1);
  });

  it('counts operations refused by the depth and cost limits, by check', async () => {
    const deep = `{ items { ${'related { '.repeat(20)}id${' }'.repeat(20)} } }`;
    expect((await post(fixture.url, { query: deep })).status).toBe(400);
    expect((await post(fixture.url, { query: '{ items(first: 100000) { id price } }' })).status).toBe(400);
    const text = await scrapeMetrics(fixture.url);
    expect(sampleValue(text, 'gateway_operations_refused_total', { check: 'depth' })).toBe(1);
    expect(sampleValue(text, 'gateway_operations_refused_total', { check: 'cost' })).toBe(1);
  });

  it('times every subgraph fetch in a histogram by subgraph and outcome', async () => {
    const count = { subgraph: 'toy', outcome: 'ok' };
    const before = (await metric('gateway_subgraph_fetch_duration_seconds_count', count)) ?? 0;
    expect((await post(fixture.url, { query: '{ ping }' })).status).toBe(200);
    expect((await post(fixture.url, { query: '{ report }' })).status).toBe(200);
    expect(await metric('gateway_subgraph_fetch_duration_seconds_count', count)).toBe(before + 2);
    expect(await metric('gateway_subgraph_fetch_duration_seconds_bucket', { ...count, le: '+Inf' })).toBe(
      before + 2,
    );
  });
});
