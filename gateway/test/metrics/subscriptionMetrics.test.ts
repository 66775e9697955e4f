import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { RunningGateway } from '../../src/index.js';
import { startGatewayOverToys, startToySubgraphs, type ToyPlatform } from '../subscriptions/toySubgraphs.js';
import { sampleValue, scrapeMetrics } from './scrapeMetrics.js';

let toys: ToyPlatform;
let gateway: RunningGateway;
beforeAll(async () => {
  toys = await startToySubgraphs();
  // `Bearer user:<id>` is that user; the gateway's own checks of connections are what is tested.
  gateway = await startGatewayOverToys(toys);
});
afterAll(async () => {
  await gateway.stop();
  await toys.stop();
});

const gauges = async () => {
  const text = await scrapeMetrics(gateway.url);
  return {
    open: sampleValue(text, 'gateway_websocket_connections_open'),
    active: sampleValue(text, 'gateway_subscriptions_active', { field: 'orderUpdates' }),
    delivered: sampleValue(text, 'gateway_subscription_events_delivered_total', { field: 'orderUpdates' }),
    closedNormally: sampleValue(text, 'gateway_websocket_connections_closed_total', { code: '1000' }),
  };
};

describe('the gateway metrics of live subscriptions', () => {
  it('shows open connections and active subscriptions while they live, and events delivered', async () => {
    expect(await gauges()).toMatchObject({ open: 0, active: 0 });
    const client = createClient({
      url: gateway.url.replace('http', 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: 'Bearer user:ann' },
      retryAttempts: 0,
      lazy: false,
    });
    const closed = new Promise<void>((resolve) => client.on('closed', () => resolve()));
    const updates = client.iterate({
      query: 'subscription { orderUpdates { id status instrument { name } } }',
    });
    const first = updates.next();
    await toys.events.waitForSubscribers(1);
    expect(await gauges()).toMatchObject({ open: 1, active: 1 });

    toys.events.publish({ id: 'o1', status: 'NEW', owner: 'ann', instrumentId: 'i1' });
    expect((await first).value).toEqual({
      data: { orderUpdates: { id: 'o1', status: 'NEW', instrument: { name: 'Apple Inc.' } } },
    });
    expect((await gauges()).delivered).toBe(1);

    await updates.return?.();
    await toys.events.waitForSubscribers(0);
    expect(await gauges()).toMatchObject({ open: 1, active: 0 });
    await client.dispose();
    await closed;
    await expect.poll(async () => (await gauges()).open).toBe(0);
    expect((await gauges()).closedNormally).toBe(1);
  });
});
