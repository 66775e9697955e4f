import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { RunningGateway } from '../../src/index.js';
import { defaultProtectionSettings } from '../../src/protection/index.js';
import { startGatewayOverToys, startToySubgraphs, type ToyPlatform } from '../subscriptions/toySubgraphs.js';

// Refill is negligible within a test: a bucket's capacity is exactly what it admits.
const slow = (capacity: number) => ({ capacity, refillPerSecond: 0.001 });

let toys: ToyPlatform;
let gateway: RunningGateway;
beforeAll(async () => {
  toys = await startToySubgraphs();
  gateway = await startGatewayOverToys(toys, {
    protection: {
      ...defaultProtectionSettings(),
      rateLimits: { ip: slow(100), user: slow(2), apiKey: slow(2) },
    },
  });
});
afterAll(async () => {
  await gateway.stop();
  await toys.stop();
});

const ORDER_UPDATES = { query: 'subscription { orderUpdates { id status } }' };

/** Subscribes on `client`: resolves with the error codes of a refusal, or once the subgraph has the subscriber. */
async function subscribeOnce(client: Client): Promise<unknown[]> {
  const before = toys.events.subscriberCount;
  let stop = () => undefined as void;
  const refused = new Promise<unknown[]>((resolve) => {
    stop = client.subscribe(ORDER_UPDATES, {
      next: () => undefined,
      error: (errors) =>
        resolve((errors as { extensions?: { code?: unknown } }[]).map((error) => error.extensions?.code)),
      complete: () => undefined,
    });
  });
  const opened = toys.events.waitForSubscribers(before + 1).then(() => []);
  const outcome = await Promise.race([refused, opened]);
  stop();
  await toys.events.waitForSubscribers(before);
  return outcome;
}

describe('subscriptions over WebSocket', () => {
  it("are charged to the caller's bucket, as every operation over HTTP is", async () => {
    const client = createClient({
      url: gateway.url.replace('http', 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: 'Bearer user:churner' },
      retryAttempts: 0,
    });
    try {
      expect(await subscribeOnce(client)).toEqual([]);
      expect(await subscribeOnce(client)).toEqual([]);
      // Subscribing and completing again and again would otherwise open upstream streams without end.
      expect(await subscribeOnce(client)).toEqual(['RATE_LIMITED']);
      expect(toys.events.subscriberCount).toBe(0);
    } finally {
      await client.dispose();
    }
  });
});
