import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  CheckUnavailable,
  revokedTestUsers,
  startSubscriptionServer,
  testToken,
  testUserRoles,
  uncheckableTestUsers,
  type SubscriptionServerFixture,
} from './subscriptionServerFixture.js';

let fixture: SubscriptionServerFixture;
const clients: Client[] = [];
/** The addresses `admitConnection` was asked about, and how many checks could not be made. */
const admitted: (string | null)[] = [];
let uncheckableChecks = 0;

beforeAll(async () => {
  fixture = await startSubscriptionServer('gateway', {
    reauthenticateMs: 50,
    isCredentialError: (error) => {
      if (!(error instanceof CheckUnavailable)) return true;
      uncheckableChecks++;
      return false;
    },
    admitConnection: (clientIp) => {
      admitted.push(clientIp);
      return Promise.resolve(null);
    },
  });
});

afterAll(async () => {
  await Promise.all(clients.map(async (client) => client.dispose()));
  await fixture.stop();
});

const ORDER_UPDATES = 'subscription { orderUpdates { id status } }';

/** A subscribed client of `userId`, with the close code it will see and the events it got. */
async function subscribed(userId: string) {
  const client = createClient({
    url: fixture.url,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${testToken(userId)}` },
    retryAttempts: 0,
  });
  clients.push(client);
  const received: unknown[] = [];
  const closed = new Promise<number>((resolve) =>
    client.on('closed', (event) => resolve((event as { code: number }).code)),
  );
  client.subscribe(
    { query: ORDER_UPDATES },
    { next: (value) => received.push(value), error: () => undefined, complete: () => undefined },
  );
  return { closed, received };
}

describe('connections whose credentials stop holding', () => {
  it("closes a logged-out user's connection with 4403, keeps the others and those it cannot check", async () => {
    const before = fixture.toys.events.subscriberCount;
    const eve = await subscribed('eve');
    const alice = await subscribed('alice');
    const bob = await subscribed('bob');
    await fixture.toys.events.waitForSubscribers(before + 3);

    revokedTestUsers.add('eve');
    uncheckableTestUsers.add('bob');
    expect(await eve.closed).toBe(4403);

    // Several checks later, alice (valid) and bob (uncheckable, not refused) still get events.
    await new Promise((resolve) => setTimeout(resolve, 200));
    for (const owner of ['alice', 'bob', 'eve'])
      fixture.toys.events.publish({ id: `o-${owner}`, status: 'OPEN', owner, instrumentId: 'i1' });
    await expect.poll(() => alice.received.length).toBe(1);
    await expect.poll(() => bob.received.length).toBe(1);
    expect(eve.received).toEqual([]);
  });

  it("closes a connection whose credentials now stand for fewer scopes (a demoted owner's API key), with 4403", async () => {
    // The same key now stands for fewer scopes: the connection must not keep serving with the old ones.
    const before = fixture.toys.events.subscriberCount;
    testUserRoles.set('dora', 'admin');
    const dora = await subscribed('dora');
    await fixture.toys.events.waitForSubscribers(before + 1);

    testUserRoles.set('dora', 'analyst');
    expect(await dora.closed).toBe(4403);
    await fixture.toys.events.waitForSubscribers(before);
  });

  it('charges admission (the per-address rate limit) once per connection, not on each check', async () => {
    const before = fixture.toys.events.subscriberCount;
    const admittedBefore = admitted.length;
    await subscribed('carol');
    await fixture.toys.events.waitForSubscribers(before + 1);
    expect(admitted.slice(admittedBefore)).toEqual(['127.0.0.1']);

    uncheckableTestUsers.add('carol');
    const checksBefore = uncheckableChecks;
    await expect.poll(() => uncheckableChecks, { timeout: 2_000 }).toBeGreaterThanOrEqual(checksBefore + 6);
    expect(admitted.length).toBe(admittedBefore + 1);
  });
});
