import { createClient, type Client, type ClientOptions } from 'graphql-ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  startSubscriptionServer,
  testToken,
  type SubscriptionServerFixture,
} from './subscriptionServerFixture.js';

let fixture: SubscriptionServerFixture;
const clients: Client[] = [];
const rawSockets: WebSocket[] = [];

beforeAll(async () => {
  fixture = await startSubscriptionServer('gateway', {
    maxSubscriptionsPerConnection: 2,
    connectionInitWaitTimeoutMs: 200,
    maxBufferedBytes: 256 * 1024,
  });
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map(async (client) => client.dispose()));
  for (const socket of rawSockets.splice(0)) socket.terminate();
  await fixture.toys.events.waitForSubscribers(0);
});

afterAll(async () => {
  await fixture.stop();
});

const ORDER_UPDATES = 'subscription { orderUpdates { id status instrument { name } } }';

function connect(userId: string, options: Partial<ClientOptions> = {}): Client {
  const client = createClient({
    url: fixture.url,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${testToken(userId)}` },
    retryAttempts: 0,
    ...options,
  });
  clients.push(client);
  return client;
}

/** The close code the client saw first. */
function closeCodeOf(client: Client): Promise<number> {
  return new Promise((resolve) => client.on('closed', (event) => resolve((event as { code: number }).code)));
}

/** A bare socket for what the graphql-ws client never sends (protocol violations). */
async function rawSocket(protocols: string[] = ['graphql-transport-ws']): Promise<WebSocket> {
  const socket = new WebSocket(fixture.url, protocols);
  rawSockets.push(socket);
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  return socket;
}

const closeOf = (socket: WebSocket): Promise<{ code: number; reason: string }> =>
  new Promise((resolve) => socket.once('close', (code, reason) => resolve({ code, reason: String(reason) })));

const nextMessage = (socket: WebSocket): Promise<Record<string, unknown>> =>
  new Promise((resolve) =>
    socket.once('message', (data) =>
      resolve(JSON.parse((data as Buffer).toString()) as Record<string, unknown>),
    ),
  );

describe('connection lifecycle', () => {
  it('acknowledges an authenticated connection and streams federated events to it', async () => {
    const updates = connect('alice').iterate({ query: ORDER_UPDATES });
    const first = updates.next();
    await fixture.toys.events.waitForSubscribers(1);
    fixture.toys.events.publish({ id: 'o1', status: 'FILLED', owner: 'alice', instrumentId: 'i2' });
    expect((await first).value).toEqual({
      data: { orderUpdates: { id: 'o1', status: 'FILLED', instrument: { name: 'Bitcoin' } } },
    });
    await updates.return?.();
  });

  it('closes with 4403 Forbidden when authenticateConnection refuses the token', async () => {
    const client = connect('mallory', { connectionParams: { authorization: 'Bearer forged' } });
    const code = closeCodeOf(client);
    await expect(client.iterate({ query: ORDER_UPDATES }).next()).rejects.toMatchObject({ code: 4403 });
    expect(await code).toBe(4403);
  });

  it('closes with 4408 when connection_init does not arrive in time', async () => {
    const client = connect('slow', { connectionParams: () => new Promise(() => undefined) });
    const code = closeCodeOf(client);
    void client
      .iterate({ query: ORDER_UPDATES })
      .next()
      .catch(() => undefined);
    expect(await code).toBe(4408);
  });

  it('closes with 4401 when subscribe comes before the acknowledgement', async () => {
    const socket = await rawSocket();
    socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: ORDER_UPDATES } }));
    expect(await closeOf(socket)).toEqual({ code: 4401, reason: 'Unauthorized' });
  });

  it('closes with 4429 on a second connection_init', async () => {
    const socket = await rawSocket();
    const init = JSON.stringify({
      type: 'connection_init',
      payload: { authorization: `Bearer ${testToken('x')}` },
    });
    socket.send(init);
    socket.send(init);
    expect((await closeOf(socket)).code).toBe(4429);
  });

  it('closes with 4400 on a message that is not a valid client message', async () => {
    const socket = await rawSocket();
    socket.send('{"type":"next","id":"1","payload":{}}');
    expect(await closeOf(socket)).toEqual({ code: 4400, reason: 'Invalid message received' });
  });

  it('closes with 4406 without the graphql-transport-ws subprotocol', async () => {
    const socket = await rawSocket([]);
    expect((await closeOf(socket)).code).toBe(4406);
  });

  it('answers ping with pong, echoing the payload, even before the acknowledgement', async () => {
    const socket = await rawSocket();
    const pong = nextMessage(socket);
    socket.send(JSON.stringify({ type: 'ping', payload: { at: 1 } }));
    expect(await pong).toEqual({ type: 'pong', payload: { at: 1 } });
  });
});

describe('operations', () => {
  it('closes with 4409 when a subscription id is reused while live', async () => {
    const client = connect('bob', { generateID: () => 'same' });
    const code = closeCodeOf(client);
    void client
      .iterate({ query: ORDER_UPDATES })
      .next()
      .catch(() => undefined);
    void client
      .iterate({ query: `${ORDER_UPDATES} ` })
      .next()
      .catch(() => undefined);
    expect(await code).toBe(4409);
  });

  it('stops the upstream subscription when the client completes', async () => {
    const updates = connect('carol').iterate({ query: ORDER_UPDATES });
    void updates.next();
    await fixture.toys.events.waitForSubscribers(1);
    await updates.return?.();
    await fixture.toys.events.waitForSubscribers(0);
  });

  it('completes the client subscription when the subgraph completes it', async () => {
    const updates = connect('dave').iterate({ query: ORDER_UPDATES });
    const next = updates.next();
    await fixture.toys.events.waitForSubscribers(1);
    fixture.toys.events.complete();
    expect(await next).toEqual({ done: true, value: undefined });
  });

  it('answers an invalid operation with an error message and keeps the connection', async () => {
    const client = connect('erin');
    await expect(
      client.iterate({ query: 'subscription { orderUpdates { nope } }' }).next(),
    ).rejects.toMatchObject([{ message: expect.stringContaining('nope') as unknown }]);
    await expect(
      client.iterate({ query: 'query ($n: ID!) { order(id: $n) { id } }', variables: { n: {} } }).next(),
    ).rejects.toMatchObject([{ message: expect.stringContaining('"$n" got invalid value') as unknown }]);
    await expect(client.iterate({ query: '{' }).next()).rejects.toMatchObject([
      { message: expect.stringContaining('Syntax Error') as unknown },
    ]);
    const query = await client
      .iterate({ query: 'query Named { instrument(id: "i1") { name } }', operationName: 'Named' })
      .next();
    expect(query.value).toEqual({ data: { echo: 'Named' } });
  });

  it('gives invalid operations the extensions.code they get over HTTP', async () => {
    const client = connect('erin');
    /** The first error the operation is answered with. */
    const errorOf = async (payload: { query: string; variables?: Record<string, unknown> }) => {
      const rejection: unknown = await client
        .iterate(payload)
        .next()
        .then(
          () => undefined,
          (errors: unknown) => errors,
        );
      return (rejection as { message: string; extensions?: Record<string, unknown> }[] | undefined)?.[0];
    };
    // Over HTTP, Apollo's GRAPHQL_VALIDATION_FAILED and GRAPHQL_PARSE_FAILED become BAD_USER_INPUT
    // with the Apollo code as the reason, and a variable of the wrong type is BAD_USER_INPUT.
    expect(await errorOf({ query: 'subscription { orderUpdates(interval: ONE_MINUTE) { id } }' })).toEqual({
      message: 'Unknown argument "interval" on field "Subscription.orderUpdates".',
      locations: [{ line: 1, column: 29 }],
      extensions: { code: 'BAD_USER_INPUT', reason: 'GRAPHQL_VALIDATION_FAILED' },
    });
    expect(await errorOf({ query: 'subscription { orderUpdates {' })).toMatchObject({
      message: expect.stringContaining('Syntax Error') as unknown,
      extensions: { code: 'BAD_USER_INPUT', reason: 'GRAPHQL_PARSE_FAILED' },
    });
    expect(
      await errorOf({ query: 'query ($n: ID!) { order(id: $n) { id } }', variables: { n: {} } }),
    ).toMatchObject({
      message: expect.stringContaining('"$n" got invalid value') as unknown,
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('runs queries through executeOperation with the connection caller', async () => {
    const client = connect('frank');
    const result = await client.iterate({ query: '{ instrument(id: "i2") { name } }' }).next();
    expect(result.value).toEqual({ data: { echo: null } });
    const { caller } = fixture.executed.at(-1) ?? {};
    expect(caller?.identity?.userId).toBe('frank');
    expect(caller?.clientIp).toMatch(/127\.0\.0\.1/);
  });

  it('refuses operations past the per-connection limit with RATE_LIMITED', async () => {
    const client = connect('grace');
    const kept = [client.iterate({ query: ORDER_UPDATES }), client.iterate({ query: `${ORDER_UPDATES} ` })];
    kept.forEach((iterator) => void iterator.next());
    await fixture.toys.events.waitForSubscribers(1);
    const third = client.iterate({ query: 'subscription Third { orderUpdates { id } }' });
    await expect(third.next()).rejects.toMatchObject([{ extensions: { code: 'RATE_LIMITED' } }]);
    await Promise.all(kept.map(async (iterator) => iterator.return?.()));
  });
});

describe('fan-out', () => {
  it('serves many subscribers of one stream from one upstream subscription', async () => {
    const iterators = Array.from({ length: 20 }, () => connect('heidi')).flatMap((client) => [
      client.iterate({ query: ORDER_UPDATES }),
      client.iterate({ query: ORDER_UPDATES, operationName: null }),
    ]);
    const firsts = iterators.map((iterator) => iterator.next());
    await fixture.toys.events.waitForSubscribers(1);
    await expect.poll(() => fixture.subscriptions.upstreamCount).toBe(1);
    await expect.poll(() => fixture.subscriptions.subscriberCount).toBe(40);
    fixture.toys.events.publish({ id: 'o9', status: 'OPEN', owner: 'heidi', instrumentId: 'i1' });
    const payloads = await Promise.all(firsts);
    expect(new Set(payloads.map((payload) => JSON.stringify(payload.value))).size).toBe(1);
    expect(payloads[0]?.value).toEqual({
      data: { orderUpdates: { id: 'o9', status: 'OPEN', instrument: { name: 'Apple Inc.' } } },
    });
    await Promise.all(iterators.map(async (iterator) => iterator.return?.()));
  });

  it("ends a stream whose events back up before completion, not the subgraph's other streams", async () => {
    const flooded = connect('judy').iterate({ query: ORDER_UPDATES });
    const other = connect('ken').iterate({ query: ORDER_UPDATES });
    const otherNext = other.next();
    const floodedEnded = (async () => {
      for (let event = await flooded.next(); !event.done; event = await flooded.next());
    })();
    await fixture.toys.events.waitForSubscribers(2);
    // Far more events than entity fetches can complete meanwhile, in bursts the toy can queue.
    for (let burst = 0; burst < 8; burst++) {
      for (let index = 0; index < 500; index++)
        fixture.toys.events.publish({
          id: `f${burst}-${index}`,
          status: 'OPEN',
          owner: 'judy',
          instrumentId: 'i1',
        });
      await new Promise(setImmediate);
    }
    await expect(floodedEnded).rejects.toMatchObject([{ extensions: { code: 'INTERNAL' } }]);
    expect(fixture.subscriptions.upstreamCount).toBe(1);
    fixture.toys.events.publish({ id: 'k1', status: 'OPEN', owner: 'ken', instrumentId: 'i2' });
    expect((await otherNext).value).toMatchObject({ data: { orderUpdates: { id: 'k1' } } });
    await flooded.return?.();
    await other.return?.();
  });

  it('drops a client that stops reading, with 1008, and keeps serving the others', async () => {
    const reader = connect('ivan').iterate({ query: ORDER_UPDATES });
    const stalled = await rawSocket();
    stalled.send(
      JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${testToken('ivan')}` } }),
    );
    await nextMessage(stalled);
    stalled.send(JSON.stringify({ id: 's', type: 'subscribe', payload: { query: ORDER_UPDATES } }));
    await fixture.toys.events.waitForSubscribers(1);
    await expect.poll(() => fixture.subscriptions.upstreamCount).toBe(1);
    (stalled as unknown as { _socket: { pause(): void } })._socket.pause();
    const closed = closeOf(stalled);
    // 1 MiB events: the loopback socket's kernel buffers fill, then the server's limit is passed.
    const big = 'x'.repeat(1024 * 1024);
    for (let index = 0; index < 24; index++) {
      const next = reader.next();
      fixture.toys.events.publish({
        id: `${index}${big}`,
        status: 'OPEN',
        owner: 'ivan',
        instrumentId: 'i1',
      });
      expect((await next).value).toMatchObject({ data: { orderUpdates: { status: 'OPEN' } } });
    }
    (stalled as unknown as { _socket: { resume(): void } })._socket.resume();
    expect([1008, 1006]).toContain((await closed).code);
    await reader.return?.();
  });
});
