import { createClient, type Client } from 'graphql-ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { RunningGateway } from '../../src/index.js';
import { authenticateTestConnection, testToken } from './subscriptionServerFixture.js';
import {
  FAILING_INSTRUMENT,
  startGatewayOverToys,
  startToySubgraphs,
  type ToyPlatform,
} from './toySubgraphs.js';

let toys: ToyPlatform;
let gateway: RunningGateway;
const clients: Client[] = [];

beforeAll(async () => {
  toys = await startToySubgraphs();
  gateway = await startGatewayOverToys(toys, {
    maxSubscriptionsPerConnection: 2,
    authenticator: {
      authenticate: async ({ authorization }) =>
        authorization === undefined ? null : authenticateTestConnection({ authorization }),
    },
  });
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map(async (client) => client.dispose()));
  await toys.events.waitForSubscribers(0);
});

afterAll(async () => {
  await gateway.stop();
  await toys.stop();
});

/** Users are named by their ids; the test authenticator takes `Bearer test:<id>`. */
const user = (name: string) => `00000000-0000-4000-8000-${name.padStart(12, '0').replace(/[^0-9a-f]/g, 'a')}`;

function connect(name: string): Client {
  const token = testToken(user(name));
  const client = createClient({
    url: gateway.url.replace('http', 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
  });
  clients.push(client);
  return client;
}

const ORDER_UPDATES = 'subscription { orderUpdates { id status instrument { name } } }';

/** `gateway_operations_refused_total{check="subscriptions_per_connection"}` in the gateway's registry. */
async function capRefusals(): Promise<number> {
  const refused = await gateway.metrics.getSingleMetric('gateway_operations_refused_total')?.get();
  const series = refused?.values.find(({ labels }) => labels['check'] === 'subscriptions_per_connection');
  return series?.value ?? 0;
}

describe('federated subscriptions through startGateway', () => {
  it("completes each event with another subgraph's fields", async () => {
    const updates = connect('alice').iterate({ query: ORDER_UPDATES });
    const first = updates.next();
    await toys.events.waitForSubscribers(1);
    toys.events.publish({ id: 'o1', status: 'FILLED', owner: user('alice'), instrumentId: 'i2' });
    expect((await first).value).toEqual({
      data: { orderUpdates: { id: 'o1', status: 'FILLED', instrument: { name: 'Bitcoin' } } },
    });
    await updates.return?.();
  });

  it("delivers only the subscriber's own events, identified at connection_init", async () => {
    const alice = connect('alice').iterate({ query: ORDER_UPDATES });
    const bob = connect('bob').iterate({ query: ORDER_UPDATES });
    const aliceNext = alice.next();
    const bobNext = bob.next();
    await toys.events.waitForSubscribers(2);
    toys.events.publish({ id: 'o2', status: 'OPEN', owner: user('bob'), instrumentId: 'i1' });
    toys.events.publish({ id: 'o3', status: 'OPEN', owner: user('alice'), instrumentId: 'i1' });
    expect((await bobNext).value).toMatchObject({ data: { orderUpdates: { id: 'o2' } } });
    expect((await aliceNext).value).toMatchObject({ data: { orderUpdates: { id: 'o3' } } });
    await alice.return?.();
    await bob.return?.();
  });

  it('shares one upstream subscription between identical subscribers', async () => {
    const first = connect('carol').iterate({ query: ORDER_UPDATES });
    const second = connect('carol').iterate({ query: ORDER_UPDATES });
    const [a, b] = [first.next(), second.next()];
    await toys.events.waitForSubscribers(1);
    toys.events.publish({ id: 'o4', status: 'CANCELLED', owner: user('carol'), instrumentId: 'i1' });
    expect((await a).value).toEqual((await b).value);
    expect(toys.events.subscriberCount).toBe(1);
    await first.return?.();
    await second.return?.();
  });

  it('refuses subscriptions past the per-connection limit with RATE_LIMITED, counting each', async () => {
    const refusedBefore = await capRefusals();
    const client = connect('dave');
    const kept = [client.iterate({ query: ORDER_UPDATES }), client.iterate({ query: `${ORDER_UPDATES} ` })];
    kept.forEach((iterator) => void iterator.next());
    await toys.events.waitForSubscribers(1);
    for (const name of ['Third', 'Fourth']) {
      const refused = client.iterate({ query: `subscription ${name} { orderUpdates { id } }` });
      await expect(refused.next()).rejects.toMatchObject([{ extensions: { code: 'RATE_LIMITED' } }]);
    }
    expect((await capRefusals()) - refusedBefore).toBe(2);
    await Promise.all(kept.map(async (iterator) => iterator.return?.()));
  });

  it('rejects an invalid subscription with a validation error and keeps the socket open', async () => {
    const client = connect('erin');
    const invalid = client.iterate({ query: 'subscription { orderUpdates { nope } }' });
    await expect(invalid.next()).rejects.toMatchObject([
      { message: expect.stringContaining('nope') as unknown },
    ]);
    const query = await client.iterate({ query: '{ instrument(id: "i1") { name } }' }).next();
    expect(query.value).toEqual({ data: { instrument: { name: 'Apple Inc.' } } });
  });

  it("masks a subgraph's internal error in an event as INTERNAL, as over HTTP", async () => {
    const updates = connect('grace').iterate({ query: ORDER_UPDATES });
    const next = updates.next();
    await toys.events.waitForSubscribers(1);
    toys.events.publish({ id: 'o5', status: 'OPEN', owner: user('grace'), instrumentId: FAILING_INSTRUMENT });
    const event = (await next).value as unknown;
    expect(JSON.stringify(event)).not.toContain('ECONNREFUSED');
    expect(event).toMatchObject({
      errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL' } }],
    });
    await updates.return?.();
  });

  it('completes the client subscription when the subgraph completes it', async () => {
    const updates = connect('frank').iterate({ query: ORDER_UPDATES });
    const next = updates.next();
    await toys.events.waitForSubscribers(1);
    toys.events.complete();
    expect(await next).toEqual({ done: true, value: undefined });
  });
});
