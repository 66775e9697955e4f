import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from 'graphql-ws';
import type { Identity } from '@mib/auth';
import type { PriceAlertDirection, PrismaClient } from '@mib/db';
import {
  connectSubgraph,
  liveErrorCodes,
  subgraphRequest,
  subscribeAs,
  testIdentity,
} from '@mib/subgraph-kit/testing';
import { startMarketDataFixture, type MarketDataFixture } from './marketDataFixture.js';
import { tradeEvent } from './marketEvents.js';
import { deliver, listedDatabase } from './readModelDelivery.js';

/** Stores a waiting alert straight in the table (the read model's tests need no API). */
async function alertOn(
  prisma: PrismaClient,
  symbol: string,
  direction: PriceAlertDirection,
  price: string,
  userId: string = randomUUID(),
): Promise<string> {
  const instrument = await prisma.instrument.findUniqueOrThrow({ where: { symbol } });
  // Set before the test trades happen (marketEvents stamps them 2026-11-24T10:00:00.00n).
  const alert = await prisma.priceAlert.create({
    data: {
      userId,
      instrumentId: instrument.id,
      direction,
      price,
      createdAt: new Date('2026-11-24T09:00:00Z'),
    },
  });
  return alert.id;
}

/** Each alert's state: null while waiting, else the trade price and trade id that fired it. */
async function firedBy(prisma: PrismaClient, ids: readonly string[]) {
  const alerts = await prisma.priceAlert.findMany({ where: { id: { in: [...ids] } } });
  const byId = new Map(alerts.map((alert) => [alert.id, alert]));
  return ids.map((id) => {
    const alert = byId.get(id);
    return alert?.triggeredAt
      ? {
          price: alert.triggerPrice?.toFixed(),
          tradeId: alert.triggerEngineTradeId,
          at: alert.triggeredAt.toISOString(),
        }
      : null;
  });
}

describe('the market read model fires price alerts', () => {
  it('fires the alerts a trade meets, ABOVE at or below its price and BELOW at or above, once', async () => {
    await using db = await listedDatabase(['AAPL', 'MSFT']);
    const above = await alertOn(db.prisma, 'AAPL', 'ABOVE', '200');
    const aboveAtPrice = await alertOn(db.prisma, 'AAPL', 'ABOVE', '200.5');
    const aboveHigher = await alertOn(db.prisma, 'AAPL', 'ABOVE', '200.51');
    const below = await alertOn(db.prisma, 'AAPL', 'BELOW', '199');
    const otherInstrument = await alertOn(db.prisma, 'MSFT', 'ABOVE', '1');
    const ids = [above, aboveAtPrice, aboveHigher, below, otherInstrument];

    const crossing = tradeEvent('AAPL', 1, '200.5', '10');
    // Delivered twice, as a redelivery after a lost acknowledgement would: applied once.
    expect(await deliver(db.prisma, [crossing, crossing])).toEqual([true, false]);
    const first = { price: '200.5', tradeId: 'AAPL-1', at: '2026-11-24T10:00:00.001Z' };
    expect(await firedBy(db.prisma, ids)).toEqual([first, first, null, null, null]);

    // A later trade further through the price fires nothing already fired, and what it meets.
    await deliver(db.prisma, [tradeEvent('AAPL', 2, '201', '1'), tradeEvent('AAPL', 3, '150', '1')]);
    expect(await firedBy(db.prisma, ids)).toEqual([
      first,
      first,
      { price: '201', tradeId: 'AAPL-2', at: '2026-11-24T10:00:00.002Z' },
      { price: '150', tradeId: 'AAPL-3', at: '2026-11-24T10:00:00.003Z' },
      null,
    ]);
  });

  it('fires an alert once when two consumers (replicas) apply the same trade at once', async () => {
    await using db = await listedDatabase(['AAPL']);
    const alert = await alertOn(db.prisma, 'AAPL', 'BELOW', '100');
    const trade = tradeEvent('AAPL', 1, '99', '1');
    const applied = await Promise.all([deliver(db.prisma, [trade]), deliver(db.prisma, [trade])]);
    expect(applied.flat().sort()).toEqual([false, true]);
    expect(await firedBy(db.prisma, [alert])).toEqual([
      { price: '99', tradeId: 'AAPL-1', at: '2026-11-24T10:00:00.001Z' },
    ]);
  });

  it('does not fire an alert with a trade that happened before it was set, applied late', async () => {
    await using db = await listedDatabase(['AAPL']);
    const alert = await alertOn(db.prisma, 'AAPL', 'ABOVE', '200');
    await db.prisma.priceAlert.update({
      where: { id: alert },
      data: { createdAt: new Date('2026-11-24T10:00:00.002Z') },
    });
    // Trade 1 happened before the alert was set (a lagging read model applies it now); trade 2 after.
    await deliver(db.prisma, [tradeEvent('AAPL', 1, '250', '1')]);
    expect(await firedBy(db.prisma, [alert])).toEqual([null]);
    await deliver(db.prisma, [tradeEvent('AAPL', 2, '201', '1')]);
    expect((await firedBy(db.prisma, [alert]))[0]?.price).toBe('201');
  });

  it('leaves an alert created after the trade waiting for the next one', async () => {
    await using db = await listedDatabase(['AAPL']);
    await deliver(db.prisma, [tradeEvent('AAPL', 1, '250', '1')]);
    const alert = await alertOn(db.prisma, 'AAPL', 'ABOVE', '200');
    expect(await firedBy(db.prisma, [alert])).toEqual([null]);
    await deliver(db.prisma, [tradeEvent('AAPL', 2, '249.99', '1')]);
    expect((await firedBy(db.prisma, [alert]))[0]?.price).toBe('249.99');
  });
});

const TRIGGERED = `subscription {
  priceAlertTriggered { id instrument { symbol } direction price triggeredAt triggerPrice }
}`;

describe('Subscription.priceAlertTriggered', () => {
  let fixture: MarketDataFixture;
  let client: Client;
  let sequence = 0;
  const trade = (symbol: string, price: string) => tradeEvent(symbol, ++sequence, price, '1');

  beforeAll(async () => {
    fixture = await startMarketDataFixture(['AAPL', 'MSFT']);
    client = connectSubgraph(fixture.subgraph.url);
  });
  afterAll(async () => {
    await client.dispose();
    await fixture[Symbol.asyncDispose]();
  });

  async function createAlert(owner: Identity, symbol: string, direction: PriceAlertDirection, price: string) {
    const response = await subgraphRequest<{ createPriceAlert: { id: string } }>(
      fixture.subgraph.url,
      'mutation($input: CreatePriceAlertInput!) { createPriceAlert(input: $input) { id } }',
      { input: { instrumentId: fixture.instruments.get(symbol)?.id, direction, price } },
      owner,
    );
    expect(response.errors).toBeUndefined();
    const id = response.data!.createPriceAlert.id;
    // Dated before the test trades (stamped 2026-11-24T10:00:00.00n), which may then fire it.
    await fixture.db.prisma.priceAlert.update({
      where: { id },
      data: { createdAt: new Date('2026-11-24T09:00:00Z') },
    });
    return id;
  }

  it("delivers each fired alert to its owner only, once, with the trade's price", async () => {
    const owner = testIdentity(randomUUID());
    const stranger = testIdentity(randomUUID());
    const ownerAbove = await createAlert(owner, 'AAPL', 'ABOVE', '200');
    await createAlert(owner, 'AAPL', 'BELOW', '150');
    const strangerBelow = await createAlert(stranger, 'AAPL', 'BELOW', '180');

    const ownerFeed = subscribeAs(client, owner, TRIGGERED);
    const strangerFeed = subscribeAs(client, stranger, TRIGGERED);
    const ownerNext = ownerFeed.next();
    const strangerNext = strangerFeed.next();
    await fixture.live.whenSubscribers(2);

    const crossing = trade('AAPL', '201');
    // Redelivered: the read model skips it, and the alert reaches its owner once.
    await fixture.bus.publish([crossing]);
    await fixture.bus.publish([crossing]);
    expect(await ownerNext).toEqual({
      data: {
        priceAlertTriggered: {
          id: ownerAbove,
          instrument: { symbol: 'AAPL' },
          direction: 'ABOVE',
          price: '200',
          triggeredAt: new Date(crossing.occurredAt).toISOString(),
          triggerPrice: '201',
        },
      },
    });
    // The stranger's first alert is its own, later one: the owner's never reached it.
    await fixture.bus.publish([trade('MSFT', '1'), trade('AAPL', '179')]);
    expect(await strangerNext).toMatchObject({
      data: { priceAlertTriggered: { id: strangerBelow, triggerPrice: '179' } },
    });
    // And the owner's next is its BELOW alert, not the ABOVE one again.
    await fixture.bus.publish([trade('AAPL', '149.5')]);
    expect(await ownerFeed.next()).toMatchObject({
      data: { priceAlertTriggered: { direction: 'BELOW', triggerPrice: '149.5' } },
    });
    await Promise.all([ownerFeed.close(), strangerFeed.close()]);
    await fixture.live.whenSubscribers(0);
  });

  it('keeps a subscriber through a burst of trades far longer than its queue', async () => {
    const owner = testIdentity(randomUUID());
    await createAlert(owner, 'AAPL', 'ABOVE', '300');
    const feed = subscribeAs(client, owner, TRIGGERED);
    // The read model applies the burst's trades one transaction each before the firing one.
    const next = feed.next(60_000);
    await fixture.live.whenSubscribers(1);
    // More trades at once than a subscriber may have waiting (1 024), none of them firing its alert.
    await fixture.bus.publish(Array.from({ length: 1_100 }, () => trade('MSFT', '1')));
    await fixture.bus.publish([trade('AAPL', '300')]);
    expect(await next).toMatchObject({ data: { priceAlertTriggered: { triggerPrice: '300' } } });
    await feed.close();
    await fixture.live.whenSubscribers(0);
  }, 90_000);

  it('refuses anonymous subscribers with UNAUTHENTICATED', async () => {
    const feed = subscribeAs(client, null, TRIGGERED);
    expect(liveErrorCodes(await feed.next())).toEqual(['UNAUTHENTICATED']);
  });
});
