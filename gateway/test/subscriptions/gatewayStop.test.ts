import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { RunningGateway } from '../../src/index.js';
import { startGatewayOverToys, startToySubgraphs, type ToyPlatform } from './toySubgraphs.js';

let toys: ToyPlatform;
beforeAll(async () => {
  toys = await startToySubgraphs();
});
afterAll(() => toys.stop());

/** A client of `gateway` subscribed to `user`'s order updates; `ended` settles with how it ended. */
function subscribedClient(
  gateway: RunningGateway,
  user: string,
): { client: Client; ended: Promise<unknown> } {
  const client = createClient({
    url: gateway.url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer user:${user}` },
    retryAttempts: 0,
  });
  const ended = new Promise<unknown>((resolve) => {
    client.subscribe(
      { query: 'subscription { orderUpdates { id } }' },
      { next: () => {}, error: resolve, complete: () => resolve('complete') },
    );
  });
  return { client, ended };
}

describe('stopping the gateway', () => {
  it('ends live subscriptions and resolves, their upstream sockets closed without an error', async () => {
    const gateway = await startGatewayOverToys(toys);
    const { client, ended } = subscribedClient(gateway, 'ann');
    await toys.events.waitForSubscribers(1);

    // Its clients' subscriptions end first, so the upstream socket has closed by itself when
    // the gateway disposes of it.
    await expect(gateway.stop()).resolves.toBeUndefined();
    expect(await ended).toMatchObject({ code: 1001 });
    await toys.events.waitForSubscribers(0);
    await client.dispose();
  });

  it('resolves after the subgraphs went first, while their sockets wait to reconnect', async () => {
    const goneFirst = await startToySubgraphs();
    const gateway = await startGatewayOverToys(goneFirst);
    const { client, ended } = subscribedClient(gateway, 'bob');
    await goneFirst.events.waitForSubscribers(1);
    await goneFirst.stop();

    await expect(gateway.stop()).resolves.toBeUndefined();
    await ended;
    await client.dispose();
  });
});
